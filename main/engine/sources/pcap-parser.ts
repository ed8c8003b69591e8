/**
 * Classic pcap (draft-ietf-opsawg-pcap): a 24-byte File Header (§4), then Packet Records of a
 * 16-byte header plus caplen bytes, unpadded (§5). The magic says the byte order and whether the
 * timestamp fraction counts microseconds (0xA1B2C3D4) or nanoseconds (0xA1B23C4D) (§4, §4.1).
 *
 * Frames point into the pushed chunks; see ChunkedParser for chunking and CaptureParser for the
 * error design.
 */
import type { CaptureReadError } from './capture-read-error';
import { ChunkedParser } from './chunked-parser';
import { MAX_CAPLEN } from './limits';

const FILE_HEADER_BYTES = 24;
const RECORD_HEADER_BYTES = 16;
const MAGIC_MICRO = 0xa1b2c3d4;
const MAGIC_NANO = 0xa1b23c4d;
/** The P bit of "LinkType and additional information": the FCS length is present (§4, Figure 2). */
const FCS_PRESENT = 0x04000000;

export interface PcapFileHeader {
  readonly byteOrder: 'little' | 'big';
  readonly resolution: 'microsecond' | 'nanosecond';
  readonly majorVersion: number;
  readonly minorVersion: number;
  readonly snaplen: number;
  /** The link type: the low 16 bits of the field; the upper bits carry FCS information (§4). */
  readonly linktype: number;
  /** Bytes of FCS at the end of each packet when the P bit says so, else undefined (unknown). */
  readonly fcsBytes: number | undefined;
}

export class PcapParser extends ChunkedParser {
  /** The File Header, once read. */
  header: PcapFileHeader | undefined;
  /**
   * Records whose caplen exceeds the header's snaplen. Wireshark and tcpdump read them anyway
   * (the snaplen field is often wrong in rewritten files), so they are kept and only counted.
   */
  caplenOverSnaplen = 0;

  private little = true;
  private linktype = 0;
  private snaplen = 0;
  private nanosPerUnit = 1000;
  private unitsPerSecond = 1_000_000;

  protected headerSize(): number {
    return this.header === undefined ? FILE_HEADER_BYTES : RECORD_HEADER_BYTES;
  }

  protected recordLength(view: DataView, at: number, offset: number): number {
    if (this.header === undefined) return FILE_HEADER_BYTES;
    const caplen = view.getUint32(at + 8, this.little);
    if (caplen > MAX_CAPLEN) {
      this.fail(
        'oversized-record',
        offset,
        `the packet record claims ${caplen} captured bytes, more than the ${MAX_CAPLEN} any capture tool ` +
          'writes; the file is corrupt from here',
      );
      return -1;
    }
    return RECORD_HEADER_BYTES + caplen;
  }

  protected scan(bytes: Uint8Array, view: DataView, at: number, base: number): number {
    let pos = at;
    if (this.header === undefined) {
      if (bytes.length - pos < FILE_HEADER_BYTES) return pos;
      if (!this.readFileHeader(view, pos, base + pos)) return pos;
      pos += FILE_HEADER_BYTES;
    }
    const end = bytes.length;
    const little = this.little;
    const linktype = this.linktype;
    const snaplen = this.snaplen;
    const nanosPerUnit = this.nanosPerUnit;
    const unitsPerSecond = this.unitsPerSecond;
    const b = this.builder;
    while (end - pos >= RECORD_HEADER_BYTES) {
      const caplen = view.getUint32(pos + 8, little);
      if (caplen > MAX_CAPLEN) {
        this.recordLength(view, pos, base + pos);
        break;
      }
      const next = pos + RECORD_HEADER_BYTES + caplen;
      if (next > end) break;
      const fraction = view.getUint32(pos + 4, little);
      if (fraction >= unitsPerSecond) {
        this.badFraction(fraction, base + pos);
        break;
      }
      if (caplen > snaplen) this.caplenOverSnaplen++;
      const i = b.add();
      b.offsets[i] = pos + RECORD_HEADER_BYTES;
      b.caplens[i] = caplen;
      b.wirelens[i] = view.getUint32(pos + 12, little);
      b.seconds[i] = view.getUint32(pos, little);
      b.nanos[i] = fraction * nanosPerUnit;
      b.linktypes[i] = linktype;
      b.fileOffsets[i] = base + pos;
      pos = next;
    }
    return pos;
  }

  protected truncated(held: Uint8Array, offset: number, recordLength: number): CaptureReadError {
    if (this.header === undefined) {
      return this.error(
        'truncated-header',
        offset,
        `the data ends after ${held.length} of the ${FILE_HEADER_BYTES} bytes of the pcap file header`,
      );
    }
    if (recordLength === 0) {
      return this.error(
        'truncated-record',
        offset,
        `the data ends ${held.length} bytes into a ${RECORD_HEADER_BYTES}-byte packet record header`,
      );
    }
    return this.error(
      'truncated-record',
      offset,
      `the data ends ${held.length} bytes into a ${recordLength}-byte packet record ` +
        `(${RECORD_HEADER_BYTES}-byte header + ${recordLength - RECORD_HEADER_BYTES} captured bytes)`,
    );
  }

  private readFileHeader(view: DataView, at: number, offset: number): boolean {
    const big = view.getUint32(at, false);
    const little = view.getUint32(at, true);
    const magic = big === MAGIC_MICRO || big === MAGIC_NANO ? big : little;
    if (magic !== MAGIC_MICRO && magic !== MAGIC_NANO) {
      this.fail('unknown-format', offset, `magic 0x${hex32(big)} is not a pcap magic (a1b2c3d4 or a1b23c4d)`);
      return false;
    }
    this.little = magic === little;
    const majorVersion = view.getUint16(at + 4, this.little);
    const minorVersion = view.getUint16(at + 6, this.little);
    if (majorVersion !== 2) {
      this.fail('unsupported-version', offset, `pcap version ${majorVersion}.${minorVersion}; only 2.x exists`);
      return false;
    }
    const nanosecond = magic === MAGIC_NANO;
    this.nanosPerUnit = nanosecond ? 1 : 1000;
    this.unitsPerSecond = nanosecond ? 1_000_000_000 : 1_000_000;
    this.snaplen = view.getUint32(at + 16, this.little);
    const linkField = view.getUint32(at + 20, this.little);
    this.linktype = linkField & 0xffff;
    this.header = {
      byteOrder: this.little ? 'little' : 'big',
      resolution: nanosecond ? 'nanosecond' : 'microsecond',
      majorVersion,
      minorVersion,
      snaplen: this.snaplen,
      linktype: this.linktype,
      fcsBytes: (linkField & FCS_PRESENT) !== 0 ? (linkField >>> 28) * 2 : undefined,
    };
    return true;
  }

  /** §5: the fraction counts units elapsed within the second, so it is below 10^6 (or 10^9). */
  private badFraction(fraction: number, offset: number): void {
    const unit = this.unitsPerSecond === 1_000_000 ? 'microseconds' : 'nanoseconds';
    this.fail(
      'garbage',
      offset,
      `the packet record's timestamp fraction is ${fraction} ${unit}, a whole second or more; ` +
        'these bytes are not a packet record',
    );
  }
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}

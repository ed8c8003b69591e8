/**
 * pcapng (draft-ietf-opsawg-pcapng): a sequence of blocks, each `type, total length, body,
 * total length` with the length a multiple of 4 (§3.1). A Section Header Block starts each
 * section and fixes its byte order (§4.1); Interface Description Blocks declare the section's
 * interfaces, numbered from 0 (§4.2); packets come in Enhanced Packet Blocks (§4.3), Simple Packet
 * Blocks (§4.4, interface 0, no timestamp) or obsolete Packet Blocks (Appendix A). Every other
 * block (NRB, ISB, DSB, custom, local types) is skipped by its length.
 *
 * A section with a major version other than 1 is skipped up to the next SHB, as §3.4 requires.
 * Frames point into the pushed chunks; see ChunkedParser for chunking and CaptureParser for the
 * error design.
 */
import type { CaptureReadError, CaptureReadProblem } from './capture-read-error';
import { ChunkedParser } from './chunked-parser';
import { MAX_BLOCK_LENGTH, MAX_CAPLEN } from './limits';
import { MIN_IDB_LENGTH, readInterface, type PcapngInterface } from './pcapng-interface';

/** Block types (§10.1); SHB's is a palindrome, so it reads the same in either byte order. */
const SHB = 0x0a0d0d0a;
const IDB = 0x00000001;
const PB = 0x00000002;
const SPB = 0x00000003;
const EPB = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d;

/** Type + length + trailing length: a block without a body (§3.1). */
const MIN_BLOCK_LENGTH = 12;
/** SHB: + byte-order magic, versions, section length (§4.1). */
const MIN_SHB_LENGTH = 28;
/** EPB: + interface id, timestamp high/low, captured and original lengths (§4.3); PB likewise. */
const MIN_PACKET_BLOCK_LENGTH = 32;
/** SPB: + original length (§4.4). */
const MIN_SPB_LENGTH = 16;

const BLOCK_NAMES: ReadonlyMap<number, string> = new Map([
  [SHB, 'Section Header Block'],
  [IDB, 'Interface Description Block'],
  [PB, 'Packet Block'],
  [SPB, 'Simple Packet Block'],
  [4, 'Name Resolution Block'],
  [5, 'Interface Statistics Block'],
  [EPB, 'Enhanced Packet Block'],
  [0x0a, 'Decryption Secrets Block'],
  [0x00000bad, 'Custom Block'],
  [0x40000bad, 'Custom Block'],
]);

export class PcapngParser extends ChunkedParser {
  /** Sections seen, and those skipped for an unsupported major version. */
  sections = 0;
  skippedSections = 0;
  /** Blocks skipped by length: NRB, ISB, DSB, custom and unknown types, and unsupported sections. */
  skippedBlocks = 0;
  /** Packets whose caplen exceeds their interface's snaplen: kept, as Wireshark does, and counted. */
  caplenOverSnaplen = 0;

  private little = true;
  private inSection = false;
  private skippingSection = false;
  private skippedVersion = '';
  private interfaces: PcapngInterface[] = [];
  /** The latest packet time in this section, which a Simple Packet Block (no timestamp) repeats. */
  private lastSeconds = 0;
  private lastNanos = 0;

  protected headerSize(): number {
    return MIN_BLOCK_LENGTH;
  }

  protected recordLength(view: DataView, at: number, offset: number): number {
    let little = this.little;
    if (view.getUint32(at, true) === SHB) {
      const magic = view.getUint32(at + 8, true);
      if (magic !== BYTE_ORDER_MAGIC && magic !== 0x4d3c2b1a) {
        this.fail(
          'garbage',
          offset,
          `a Section Header Block with byte-order magic 0x${hex32(magic)} instead of 1a2b3c4d in either byte order`,
        );
        return -1;
      }
      little = magic === BYTE_ORDER_MAGIC;
    } else if (!this.inSection) {
      this.fail(
        'unknown-format',
        offset,
        `the first block has type 0x${hex32(view.getUint32(at, false))}; a pcapng file starts with a Section Header Block (0a0d0d0a)`,
      );
      return -1;
    }
    const length = view.getUint32(at + 4, little);
    const problem = lengthProblem(length);
    if (problem === undefined) return length;
    this.fail(problem[0], offset, problem[1]);
    return -1;
  }

  protected scan(bytes: Uint8Array, view: DataView, at: number, base: number): number {
    const end = bytes.length;
    let pos = at;
    while (end - pos >= MIN_BLOCK_LENGTH) {
      const length = this.recordLength(view, pos, base + pos);
      if (length < 0 || length > end - pos) break;
      if (!this.block(view, pos, length, base + pos)) break;
      pos += length;
    }
    return pos;
  }

  protected truncated(held: Uint8Array, offset: number, recordLength: number): CaptureReadError {
    if (!this.inSection) {
      return this.error(
        'truncated-header',
        offset,
        `the data ends ${held.length} bytes into the first Section Header Block`,
      );
    }
    if (recordLength === 0) {
      const view = new DataView(held.buffer, held.byteOffset, held.byteLength);
      if (held.length >= 8 && view.getUint32(0, true) !== SHB) {
        const problem = lengthProblem(view.getUint32(4, this.little));
        if (problem !== undefined) return this.error(problem[0], offset, problem[1]);
      }
      return this.error(
        'truncated-record',
        offset,
        `the data ends ${held.length} bytes into a ${MIN_BLOCK_LENGTH}-byte block header`,
      );
    }
    const type = new DataView(held.buffer, held.byteOffset, held.byteLength).getUint32(0, this.little);
    return this.error(
      'truncated-record',
      offset,
      `the data ends ${held.length} bytes into a ${recordLength}-byte ${blockName(type)}`,
    );
  }

  protected override finish(): CaptureReadError | undefined {
    if (this.framesRead > 0 || this.skippedSections === 0 || this.skippedSections < this.sections) return undefined;
    return this.error(
      'unsupported-version',
      0,
      `every section is pcapng version ${this.skippedVersion}; only version 1.x can be read`,
    );
  }

  /** Parses one complete block; false after a problem. */
  private block(view: DataView, at: number, length: number, offset: number): boolean {
    const type = view.getUint32(at, this.little);
    if (type === SHB && !this.sectionHeader(view, at, length, offset)) return false;
    const trailer = view.getUint32(at + length - 4, this.little);
    if (trailer !== length) {
      return this.badLength(
        offset,
        `the ${blockName(type)}'s leading length is ${length} but its trailing copy says ${trailer}`,
      );
    }
    if (this.skippingSection && type !== SHB) {
      this.skippedBlocks++;
      return true;
    }
    switch (type) {
      case EPB:
        return this.enhancedPacket(view, at, length, offset);
      case SPB:
        return this.simplePacket(view, at, length, offset);
      case IDB:
        if (length < MIN_IDB_LENGTH) {
          return this.badLength(offset, `an Interface Description Block needs ${MIN_IDB_LENGTH} bytes, not ${length}`);
        }
        this.interfaces.push(readInterface(view, at, length, this.little));
        return true;
      case PB:
        return this.obsoletePacket(view, at, length, offset);
      case SHB:
        return true;
      default:
        this.skippedBlocks++;
        return true;
    }
  }

  /** §4.1: byte order, version; a new section forgets the previous section's interfaces. */
  private sectionHeader(view: DataView, at: number, length: number, offset: number): boolean {
    if (length < MIN_SHB_LENGTH) {
      return this.badLength(offset, `a Section Header Block needs ${MIN_SHB_LENGTH} bytes, not ${length}`);
    }
    this.little = view.getUint32(at + 8, true) === BYTE_ORDER_MAGIC;
    const major = view.getUint16(at + 12, this.little);
    const minor = view.getUint16(at + 14, this.little);
    this.inSection = true;
    this.sections++;
    this.interfaces = [];
    this.lastSeconds = 0;
    this.lastNanos = 0;
    this.skippingSection = major !== 1;
    if (this.skippingSection) {
      this.skippedSections++;
      if (this.skippedVersion === '') this.skippedVersion = `${major}.${minor}`;
    }
    return true;
  }

  /** §4.3: interface id, 64-bit timestamp, captured and original lengths, data at +28. */
  private enhancedPacket(view: DataView, at: number, length: number, offset: number): boolean {
    if (length < MIN_PACKET_BLOCK_LENGTH) {
      return this.badLength(offset, `an Enhanced Packet Block needs ${MIN_PACKET_BLOCK_LENGTH} bytes, not ${length}`);
    }
    const little = this.little;
    return this.packet(
      view.getUint32(at + 8, little),
      view.getUint32(at + 12, little),
      view.getUint32(at + 16, little),
      view.getUint32(at + 20, little),
      view.getUint32(at + 24, little),
      at,
      length,
      offset,
    );
  }

  /** Appendix A: as an EPB, but a 16-bit interface id followed by a 16-bit drops count. */
  private obsoletePacket(view: DataView, at: number, length: number, offset: number): boolean {
    if (length < MIN_PACKET_BLOCK_LENGTH) {
      return this.badLength(offset, `a Packet Block needs ${MIN_PACKET_BLOCK_LENGTH} bytes, not ${length}`);
    }
    const little = this.little;
    return this.packet(
      view.getUint16(at + 8, little),
      view.getUint32(at + 12, little),
      view.getUint32(at + 16, little),
      view.getUint32(at + 20, little),
      view.getUint32(at + 24, little),
      at,
      length,
      offset,
    );
  }

  /** The shared tail of EPB and PB; the packet data starts 28 bytes into the block. */
  private packet(
    id: number,
    high: number,
    low: number,
    caplen: number,
    wirelen: number,
    at: number,
    length: number,
    offset: number,
  ): boolean {
    const iface = this.interfaces[id];
    if (iface === undefined) return this.unknownInterface(id, offset);
    if (caplen > MAX_CAPLEN) return this.oversized(caplen, offset);
    if (caplen > length - MIN_PACKET_BLOCK_LENGTH) {
      return this.badLength(offset, `a ${length}-byte packet block cannot hold the ${caplen} captured bytes it claims`);
    }
    if (iface.snaplen !== 0 && caplen > iface.snaplen) this.caplenOverSnaplen++;
    const b = this.builder;
    const i = b.add();
    b.offsets[i] = at + 28;
    b.caplens[i] = caplen;
    b.wirelens[i] = wirelen;
    iface.clock.write(high, low, b.seconds, b.nanos, i);
    b.linktypes[i] = iface.linktype;
    b.fileOffsets[i] = offset;
    this.lastSeconds = b.seconds[i] ?? 0;
    this.lastNanos = b.nanos[i] ?? 0;
    return true;
  }

  /**
   * §4.4: interface 0, the original length, then data; the captured length is what the block
   * holds, cut to the original length and the interface's snaplen. There is no timestamp: the
   * frame repeats the section's latest packet time so that time stays monotone downstream.
   */
  private simplePacket(view: DataView, at: number, length: number, offset: number): boolean {
    if (length < MIN_SPB_LENGTH) {
      return this.badLength(offset, `a Simple Packet Block needs ${MIN_SPB_LENGTH} bytes, not ${length}`);
    }
    const iface = this.interfaces[0];
    if (iface === undefined) return this.unknownInterface(0, offset);
    const wirelen = view.getUint32(at + 8, this.little);
    let caplen = Math.min(wirelen, length - MIN_SPB_LENGTH);
    if (iface.snaplen !== 0) caplen = Math.min(caplen, iface.snaplen);
    if (caplen > MAX_CAPLEN) return this.oversized(caplen, offset);
    const b = this.builder;
    const i = b.add();
    b.offsets[i] = at + 12;
    b.caplens[i] = caplen;
    b.wirelens[i] = wirelen;
    b.seconds[i] = this.lastSeconds;
    b.nanos[i] = this.lastNanos;
    b.linktypes[i] = iface.linktype;
    b.fileOffsets[i] = offset;
    return true;
  }

  private unknownInterface(id: number, offset: number): false {
    this.fail(
      'unknown-interface',
      offset,
      `a packet block refers to interface ${id}, but this section declares ${this.interfaces.length} interface(s)`,
    );
    return false;
  }

  private oversized(caplen: number, offset: number): false {
    this.fail(
      'oversized-record',
      offset,
      `a packet block claims ${caplen} captured bytes, more than the ${MAX_CAPLEN} any capture tool writes`,
    );
    return false;
  }

  private badLength(offset: number, detail: string): false {
    this.fail('bad-block-length', offset, detail);
    return false;
  }
}

/** What is wrong with a block total length before the block is read, if anything (§3.1). */
function lengthProblem(length: number): [CaptureReadProblem, string] | undefined {
  if (length === 0) return ['zero-length-block', 'the block total length is 0; the smallest block is 12 bytes'];
  if (length < MIN_BLOCK_LENGTH) {
    return ['bad-block-length', `the block total length is ${length}; the smallest block is 12 bytes`];
  }
  if (length % 4 !== 0) return ['bad-block-length', `the block total length ${length} is not a multiple of 4`];
  if (length > MAX_BLOCK_LENGTH) {
    return ['oversized-record', `the block total length is ${length}, more than the ${MAX_BLOCK_LENGTH} accepted`];
  }
  return undefined;
}

function blockName(type: number): string {
  return BLOCK_NAMES.get(type) ?? `block of type 0x${hex32(type)}`;
}

function hex32(value: number): string {
  return value.toString(16).padStart(8, '0');
}

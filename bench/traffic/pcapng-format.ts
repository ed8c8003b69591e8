/**
 * pcapng (draft-ietf-opsawg-pcapng), little-endian: a Section Header Block (§4.1), one Ethernet
 * Interface Description Block (§4.2) with if_tsresol, then one Enhanced Packet Block (§4.3) per frame.
 */
import { pcapngBlock } from '../../main/engine/sources/write-pcapng';
import { concatBytes } from '../../common/concat-bytes';
import { LINKTYPE_ETHERNET, SNAPLEN, type CaptureFormat } from './capture-format';

const EPB = 6;
/** Block type, length, interface, timestamp (2 words), captured and original length. */
const EPB_HEADER = 28;
const OPT_SHB_USERAPPL = 4;
const OPT_IF_TSRESOL = 9;
const TWO_32 = 4_294_967_296;

export class PcapngFormat implements CaptureFormat {
  readonly #unitsPerSecond: number;

  constructor(readonly nanosecond: boolean) {
    this.#unitsPerSecond = nanosecond ? 1e9 : 1e6;
  }

  header(): Uint8Array {
    const shb = new Uint8Array(16);
    const shbView = new DataView(shb.buffer);
    shbView.setUint32(0, 0x1a2b3c4d, true); // byte-order magic
    shbView.setUint16(4, 1, true); // version 1.0
    shbView.setBigInt64(8, -1n, true); // section length not given
    const idb = new Uint8Array(8);
    const idbView = new DataView(idb.buffer);
    idbView.setUint16(0, LINKTYPE_ETHERNET, true);
    idbView.setUint32(4, SNAPLEN, true);
    const app = new TextEncoder().encode('wirewatch bench/traffic');
    return concatBytes([
      pcapngBlock(0x0a0d0d0a, concatBytes([shb, option(OPT_SHB_USERAPPL, app), END_OF_OPTIONS]), true),
      pcapngBlock(
        1,
        concatBytes([idb, option(OPT_IF_TSRESOL, Uint8Array.of(this.nanosecond ? 9 : 6)), END_OF_OPTIONS]),
        true,
      ),
    ]);
  }

  recordLength(length: number): number {
    return EPB_HEADER + pad4(length) + 4;
  }

  writeRecord(view: DataView, at: number, seconds: number, nanos: number, length: number): number {
    const total = this.recordLength(length);
    const fraction = this.nanosecond ? nanos : Math.floor(nanos / 1000);
    // seconds * units + fraction needs up to 61 bits, beyond a double's 53: split it exactly.
    const high = Math.floor(seconds / 65_536) * this.#unitsPerSecond;
    const low = (seconds % 65_536) * this.#unitsPerSecond + fraction;
    const carry = (high % 65_536) * 65_536 + low;
    view.setUint32(at, EPB, true);
    view.setUint32(at + 4, total, true);
    view.setUint32(at + 8, 0, true); // interface 0
    view.setUint32(at + 12, Math.floor(high / 65_536) + Math.floor(carry / TWO_32), true);
    view.setUint32(at + 16, carry % TWO_32, true);
    view.setUint32(at + 20, length, true);
    view.setUint32(at + 24, length, true);
    view.setUint32(at + total - 4, total, true);
    return at + EPB_HEADER;
  }
}

const END_OF_OPTIONS = new Uint8Array(4);

function option(code: number, value: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + pad4(value.length));
  const view = new DataView(out.buffer);
  view.setUint16(0, code, true);
  view.setUint16(2, value.length, true);
  out.set(value, 4);
  return out;
}

function pad4(length: number): number {
  return (length + 3) & ~3;
}

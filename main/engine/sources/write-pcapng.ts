/**
 * Writes frames as a pcapng section (draft-ietf-opsawg-pcapng): an SHB (§4.1), one IDB per
 * interface with if_tsresol / if_tsoffset when given (§4.2), then one packet block per frame —
 * EPB (§4.3), SPB (§4.4) or the obsolete PB (Appendix A) — optionally mixed with blocks a reader
 * must skip. Concatenate two outputs for a two-section file. For tests and benchmarks.
 */
import { LINKTYPE } from './frame-batch';
import { concatBytes } from '../../../common/concat-bytes';
import type { CaptureFrame } from './synthetic-frames';

export interface PcapngInterfaceSpec {
  readonly linktype?: number;
  /** 0 means no limit. */
  readonly snaplen?: number;
  /** Raw if_tsresol byte (MSB set: power of 2); omitted from the file when undefined (10^-6). */
  readonly tsresol?: number;
  /** if_tsoffset in seconds; omitted when undefined. */
  readonly tsoffset?: number;
}

export interface PcapngWriteOptions {
  readonly bigEndian?: boolean;
  /** Default: one Ethernet interface at microsecond resolution. */
  readonly interfaces?: readonly PcapngInterfaceSpec[];
  readonly packetBlock?: 'epb' | 'spb' | 'pb';
  readonly majorVersion?: number;
  /** Adds NRB, ISB, custom, local-type blocks and packet comments, all of which a reader skips. */
  readonly otherBlocks?: boolean;
}

const OPT_COMMENT = 1;
const OPT_SHB_USERAPPL = 4;
const OPT_IF_NAME = 2;
const OPT_IF_TSRESOL = 9;
const OPT_IF_TSOFFSET = 14;
const TEXT = new TextEncoder();

export function writePcapng(frames: readonly CaptureFrame[], options: PcapngWriteOptions = {}): Uint8Array {
  const little = options.bigEndian !== true;
  const interfaces = options.interfaces ?? [{}];
  const blocks: Uint8Array[] = [sectionHeader(options.majorVersion ?? 1, little)];
  interfaces.forEach((spec, id) => blocks.push(interfaceDescription(spec, id, little)));
  if (options.otherBlocks === true) blocks.push(pcapngBlock(4, new Uint8Array(4), little)); // empty NRB
  frames.forEach((frame, n) => {
    const id = frame.interfaceId ?? 0;
    const spec = interfaces[id] ?? {};
    blocks.push(
      packetBlock(frame, spec, options.packetBlock ?? 'epb', options.otherBlocks === true && n % 5 === 0, little),
    );
    if (options.otherBlocks === true && n % 7 === 3) {
      blocks.push(pcapngBlock(5, new Uint8Array(12), little)); // ISB: interface 0, zero timestamp
      blocks.push(pcapngBlock(0x00000bad, new Uint8Array(8), little)); // custom block, PEN 0
      blocks.push(pcapngBlock(0x80000001, new Uint8Array(0), little)); // a local block type
    }
  });
  return concatBytes(blocks);
}

/** One block: type, total length, body padded to 32 bits, total length (§3.1). */
export function pcapngBlock(type: number, body: Uint8Array, little: boolean): Uint8Array {
  const length = 12 + pad4(body.length);
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  view.setUint32(0, type, little);
  view.setUint32(4, length, little);
  out.set(body, 8);
  view.setUint32(length - 4, length, little);
  return out;
}

/** The timestamp a writer stores for `seconds`.`nanos` at resolution `tsresol` after `tsoffset`. */
export function timestampUnits(seconds: number, nanos: number, tsresol = 6, tsoffset = 0): bigint {
  const exponent = BigInt(tsresol & 0x7f);
  const perSecond = (tsresol & 0x80) !== 0 ? 1n << exponent : 10n ** exponent;
  return BigInt(seconds - tsoffset) * perSecond + (BigInt(nanos) * perSecond) / 1_000_000_000n;
}

function sectionHeader(majorVersion: number, little: boolean): Uint8Array {
  const fixed = new Uint8Array(16);
  const view = new DataView(fixed.buffer);
  view.setUint32(0, 0x1a2b3c4d, little);
  view.setUint16(4, majorVersion, little);
  view.setUint16(6, 0, little);
  view.setBigInt64(8, -1n, little); // section length unknown
  return pcapngBlock(
    0x0a0d0d0a,
    concatBytes([fixed, options([[OPT_SHB_USERAPPL, TEXT.encode('wirewatch writer')]], little)]),
    little,
  );
}

function interfaceDescription(spec: PcapngInterfaceSpec, id: number, little: boolean): Uint8Array {
  const fixed = new Uint8Array(8);
  const view = new DataView(fixed.buffer);
  view.setUint16(0, spec.linktype ?? LINKTYPE.ETHERNET, little);
  view.setUint32(4, spec.snaplen ?? 262_144, little);
  const list: [number, Uint8Array][] = [[OPT_IF_NAME, TEXT.encode(`if${id}`)]];
  if (spec.tsresol !== undefined) list.push([OPT_IF_TSRESOL, Uint8Array.of(spec.tsresol)]);
  if (spec.tsoffset !== undefined) {
    const value = new Uint8Array(8);
    new DataView(value.buffer).setBigInt64(0, BigInt(spec.tsoffset), little);
    list.push([OPT_IF_TSOFFSET, value]);
  }
  return pcapngBlock(1, concatBytes([fixed, options(list, little)]), little);
}

function packetBlock(
  frame: CaptureFrame,
  spec: PcapngInterfaceSpec,
  kind: 'epb' | 'spb' | 'pb',
  comment: boolean,
  little: boolean,
): Uint8Array {
  const caplen = frame.bytes.length;
  const wirelen = frame.wirelen ?? caplen;
  if (kind === 'spb') {
    const body = new Uint8Array(4 + pad4(caplen));
    new DataView(body.buffer).setUint32(0, wirelen, little);
    body.set(frame.bytes, 4);
    return pcapngBlock(3, body, little);
  }
  const units = timestampUnits(frame.seconds, frame.nanos, spec.tsresol, spec.tsoffset);
  const fixed = new Uint8Array(20 + pad4(caplen));
  const view = new DataView(fixed.buffer);
  const id = frame.interfaceId ?? 0;
  if (kind === 'pb') {
    view.setUint16(0, id, little);
    view.setUint16(2, 0xffff, little); // drops count unknown
  } else {
    view.setUint32(0, id, little);
  }
  view.setUint32(4, Number(units >> 32n), little);
  view.setUint32(8, Number(units & 0xffffffffn), little);
  view.setUint32(12, caplen, little);
  view.setUint32(16, wirelen, little);
  fixed.set(frame.bytes, 20);
  const tail = comment ? options([[OPT_COMMENT, TEXT.encode('a comment')]], little) : new Uint8Array(0);
  return pcapngBlock(kind === 'pb' ? 2 : 6, concatBytes([fixed, tail]), little);
}

/** Options (§3.5): code, length, value padded to 32 bits; ended by opt_endofopt. */
function options(list: readonly [number, Uint8Array][], little: boolean): Uint8Array {
  const parts = list.map(([code, value]) => {
    const out = new Uint8Array(4 + pad4(value.length));
    const view = new DataView(out.buffer);
    view.setUint16(0, code, little);
    view.setUint16(2, value.length, little);
    out.set(value, 4);
    return out;
  });
  parts.push(new Uint8Array(4)); // opt_endofopt
  return concatBytes(parts);
}

function pad4(length: number): number {
  return (length + 3) & ~3;
}

/**
 * Writes frames as a classic pcap file (draft-ietf-opsawg-pcap §4 File Header, §5 Packet Record),
 * in either byte order and timestamp resolution, for tests and benchmarks.
 */
import { LINKTYPE } from './frame-batch';
import type { CaptureFrame } from './synthetic-frames';

export interface PcapWriteOptions {
  readonly linktype?: number;
  /** Nanosecond timestamps (magic 0xA1B23C4D) instead of microseconds (0xA1B2C3D4). */
  readonly nanosecond?: boolean;
  readonly bigEndian?: boolean;
  readonly snaplen?: number;
  /** The upper 16 bits of the link-type field (FCS length and P bit, §4). */
  readonly linkFieldHigh?: number;
  readonly majorVersion?: number;
}

export function writePcap(frames: readonly CaptureFrame[], options: PcapWriteOptions = {}): Uint8Array {
  const little = options.bigEndian !== true;
  const nanosecond = options.nanosecond === true;
  const size = 24 + frames.reduce((sum, frame) => sum + 16 + frame.bytes.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, nanosecond ? 0xa1b23c4d : 0xa1b2c3d4, little);
  view.setUint16(4, options.majorVersion ?? 2, little);
  view.setUint16(6, 4, little);
  view.setUint32(16, options.snaplen ?? 262_144, little);
  view.setUint32(20, (((options.linkFieldHigh ?? 0) << 16) | (options.linktype ?? LINKTYPE.ETHERNET)) >>> 0, little);
  let pos = 24;
  for (const frame of frames) {
    view.setUint32(pos, frame.seconds, little);
    view.setUint32(pos + 4, nanosecond ? frame.nanos : Math.floor(frame.nanos / 1000), little);
    view.setUint32(pos + 8, frame.bytes.length, little);
    view.setUint32(pos + 12, frame.wirelen ?? frame.bytes.length, little);
    out.set(frame.bytes, pos + 16);
    pos += 16 + frame.bytes.length;
  }
  return out;
}

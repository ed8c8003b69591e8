/**
 * Random-but-seeded frames for the capture writers, so tests and benchmarks can make captures of
 * any shape without shipping binary fixtures. The same seed always gives the same frames.
 */
import { seededRandom } from '../../../common/seeded-random';

/** One frame as a writer takes it. */
export interface CaptureFrame {
  readonly seconds: number;
  /** 0..999,999,999. */
  readonly nanos: number;
  /** The captured bytes; the captured length is bytes.length. */
  readonly bytes: Uint8Array;
  /** Length on the wire; defaults to bytes.length. */
  readonly wirelen?: number;
  /** pcapng interface the frame was captured on; defaults to 0. */
  readonly interfaceId?: number;
}

export interface SyntheticFrameOptions {
  readonly minBytes?: number;
  readonly maxBytes?: number;
  /** Frames are spread over interfaces 0..interfaces-1. */
  readonly interfaces?: number;
  /** Time of the first frame, in seconds since the epoch. */
  readonly startSeconds?: number;
  /** Fraction of frames whose wire length exceeds the captured length (a snaplen cut). */
  readonly cutFraction?: number;
}

/** `count` frames with random bytes and lengths, in increasing time order. */
export function syntheticFrames(count: number, seed: number, options: SyntheticFrameOptions = {}): CaptureFrame[] {
  const random = seededRandom(seed);
  const minBytes = options.minBytes ?? 14;
  const maxBytes = options.maxBytes ?? 1514;
  const interfaces = options.interfaces ?? 1;
  const cutFraction = options.cutFraction ?? 0.1;
  let seconds = options.startSeconds ?? 1_700_000_000;
  let nanos = Math.floor(random() * 1e9);
  const frames: CaptureFrame[] = [];
  for (let n = 0; n < count; n++) {
    const length = minBytes + Math.floor(random() * (maxBytes - minBytes + 1));
    const bytes = new Uint8Array(length);
    for (let i = 0; i < length; i++) bytes[i] = (random() * 256) | 0;
    const cut = random() < cutFraction;
    frames.push({
      seconds,
      nanos,
      bytes,
      wirelen: cut ? length + 1 + Math.floor(random() * 1000) : length,
      interfaceId: Math.floor(random() * interfaces),
    });
    nanos += Math.floor(random() * 3e8);
    if (nanos >= 1e9) {
      seconds += Math.floor(nanos / 1e9);
      nanos %= 1e9;
    }
  }
  return frames;
}

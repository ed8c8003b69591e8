/** Builds FrameBatches from frames, as the helper stream reader hands them on, for capture specs. */
import type { FrameBatch } from '../../engine/sources/frame-batch';
import { framesToBatch } from '../ring-evidence-source';

export interface TimedFrame {
  /** Epoch seconds with a fraction. */
  readonly time: number;
  readonly bytes: Uint8Array;
}

export function batchOf(frames: readonly TimedFrame[], linktype = 1): FrameBatch {
  return framesToBatch({
    linktype,
    covers: true,
    truncated: false,
    frames: frames.map((frame) => {
      const seconds = Math.floor(frame.time);
      return { seconds, nanos: Math.round((frame.time - seconds) * 1e9), bytes: frame.bytes };
    }),
  });
}

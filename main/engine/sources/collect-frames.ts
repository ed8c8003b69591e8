/**
 * Flattens batches into one plain object per frame, for tests and tools that compare readers.
 * Not for the hot path: it copies every frame's bytes.
 */
import type { CaptureParser } from './capture-parser';
import type { CaptureReadError } from './capture-read-error';
import type { FrameBatch } from './frame-batch';

export interface CollectedFrame {
  seconds: number;
  nanos: number;
  caplen: number;
  wirelen: number;
  linktype: number;
  fileOffset: number;
  bytes: Uint8Array;
}

export interface Collected {
  frames: CollectedFrame[];
  problem: CaptureReadError | undefined;
}

/** The frames of one batch, with each frame's bytes copied out. */
export function framesOf(batch: FrameBatch): CollectedFrame[] {
  const frames: CollectedFrame[] = [];
  for (let i = 0; i < batch.count; i++) {
    const offset = batch.offsets[i] ?? 0;
    const caplen = batch.caplens[i] ?? 0;
    frames.push({
      seconds: batch.seconds[i] ?? 0,
      nanos: batch.nanos[i] ?? 0,
      caplen,
      wirelen: batch.wirelens[i] ?? 0,
      linktype: batch.linktypes[i] ?? 0,
      fileOffset: batch.fileOffsets[i] ?? 0,
      bytes: new Uint8Array(batch.data.subarray(offset, offset + caplen)),
    });
  }
  return frames;
}

/**
 * Feeds `bytes` to `parser` in chunks of the sizes `nextChunkSize` returns (all at once by
 * default), ends it, and returns every frame and the problem.
 */
export function collectFrames(
  parser: CaptureParser,
  bytes: Uint8Array,
  nextChunkSize: () => number = () => bytes.length,
): Collected {
  const frames: CollectedFrame[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const size = Math.max(1, nextChunkSize());
    for (const batch of parser.push(bytes.subarray(pos, pos + size))) frames.push(...framesOf(batch));
    pos += size;
  }
  return { frames, problem: parser.end() };
}

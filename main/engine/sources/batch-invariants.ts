/**
 * What every frame a reader yields must satisfy, whatever bytes it was fed: its bytes lie inside the
 * batch's buffer and under the caplen limit, its nanoseconds are a fraction of a second, and its file
 * offset points into the input. The fuzzers check it after every batch.
 */
import type { FrameBatch } from './frame-batch';
import { MAX_CAPLEN } from './limits';

/** Why frame `i` of `batch` breaks an invariant, or null when it keeps them all. */
export function frameInvariantProblem(batch: FrameBatch, i: number, inputLength: number): string | null {
  const offset = batch.offsets[i] ?? -1;
  const caplen = batch.caplens[i] ?? -1;
  const nanos = batch.nanos[i] ?? -1;
  const fileOffset = batch.fileOffsets[i] ?? -1;
  if (offset < 0 || offset + caplen > batch.data.length || caplen > MAX_CAPLEN) {
    return `frame ${i} lies outside its buffer: ${offset}+${caplen} > ${batch.data.length}`;
  }
  if (nanos < 0 || nanos >= 1e9 || fileOffset < 0 || fileOffset >= inputLength) {
    return `frame ${i} has nanos ${nanos} or file offset ${fileOffset} out of range`;
  }
  return null;
}

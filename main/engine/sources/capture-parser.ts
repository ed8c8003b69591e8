/**
 * What every capture-format parser offers: bytes in, in chunks of any size, frames out, in batches.
 *
 * Error design (the same at every layer): a parser never throws for bad bytes. It hands on every
 * frame before the first problem, records the problem in `problem` (a CaptureReadError), and
 * ignores all later input. `end()` tells it no more bytes are coming, which is when a record cut
 * short by the end of the data becomes a 'truncated-record'. CaptureSource.batches() turns a
 * recorded problem into a throw after yielding the good batches.
 */
import type { CaptureReadError } from './capture-read-error';
import type { FrameBatch } from './frame-batch';

export interface CaptureParser {
  /**
   * Parses the next bytes of the stream. Returns the frames completed by them, in order: usually
   * one batch pointing into `chunk`, preceded by a one-frame batch over a private copy when a
   * record straddled the previous chunk. Returns [] after a problem. `chunk` must not be modified
   * afterwards: batches point into it.
   */
  push(chunk: Uint8Array): FrameBatch[];
  /** Marks the end of the data; returns the problem, if any (also kept in `problem`). */
  end(): CaptureReadError | undefined;
  /** The first problem met, after which the parser ignores input. */
  readonly problem: CaptureReadError | undefined;
  /** Frames handed on so far. */
  readonly framesRead: number;
}

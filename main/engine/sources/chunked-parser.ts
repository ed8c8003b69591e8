/**
 * The chunk plumbing shared by the pcap and pcapng parsers: a format subclass parses the whole
 * records of one chunk in place; this class carries the record cut by the chunk's end over to the
 * next chunk (copying just that record), keeps stream offsets, and records the first problem.
 */
import type { CaptureParser } from './capture-parser';
import { CaptureReadError, type CaptureReadProblem, type OffsetSpace } from './capture-read-error';
import type { FrameBatch } from './frame-batch';
import { FrameBatchBuilder } from './frame-batch-builder';
import { StraddleBuffer } from './straddle-buffer';

export interface ParserOptions {
  /** Whether offsets count in the file or in the decompressed stream of a `.gz` (for messages). */
  readonly space?: OffsetSpace;
}

export abstract class ChunkedParser implements CaptureParser {
  protected readonly builder = new FrameBatchBuilder();
  private readonly space: OffsetSpace;
  private readonly carry = new StraddleBuffer();
  /** Full length of the record in `carry` once its header is in, 0 before. */
  private carryLength = 0;
  /** Stream offset of the next chunk's first byte. */
  private streamOffset = 0;
  private handedOn = 0;
  private firstProblem: CaptureReadError | undefined;

  constructor(options: ParserOptions = {}) {
    this.space = options.space ?? 'file';
  }

  get problem(): CaptureReadError | undefined {
    return this.firstProblem;
  }

  get framesRead(): number {
    return this.handedOn;
  }

  /** Bytes needed before `recordLength` can tell how long the next record is. */
  protected abstract headerSize(): number;

  /**
   * Length of the record whose first `headerSize()` bytes are at `view[at…]`, at least
   * `headerSize()`; or -1 after calling `fail`. Must not change the parser's state: it is asked
   * again when the record is parsed.
   */
  protected abstract recordLength(view: DataView, at: number, offset: number): number;

  /**
   * Parses every complete record in `bytes[at…]` into `this.builder` (offsets relative to `bytes`,
   * stream offset of `bytes[0]` being `base`), and returns where it stopped: at the first
   * incomplete record, or at the record with a problem (after calling `fail`).
   */
  protected abstract scan(bytes: Uint8Array, view: DataView, at: number, base: number): number;

  /** The problem to report when the data ends `held.length` bytes into the record at `offset`. */
  protected abstract truncated(held: Uint8Array, offset: number, recordLength: number): CaptureReadError;

  push(chunk: Uint8Array): FrameBatch[] {
    const batches: FrameBatch[] = [];
    if (this.firstProblem !== undefined || chunk.length === 0) return batches;
    const base = this.streamOffset;
    this.streamOffset += chunk.length;
    let pos = 0;
    if (this.carry.length > 0) {
      pos = this.feedCarry(chunk, 0, batches);
      if (this.carry.length > 0 || this.failed()) return batches;
    }
    pos = this.scan(chunk, dataView(chunk), pos, base);
    if (this.builder.count > 0) batches.push(this.take(chunk));
    if (!this.failed() && pos < chunk.length) {
      this.carry.start = base + pos;
      this.feedCarry(chunk, pos, batches);
    }
    return batches;
  }

  end(): CaptureReadError | undefined {
    if (this.firstProblem !== undefined) return this.firstProblem;
    if (this.streamOffset === 0) {
      this.firstProblem = this.error('empty', 0, 'there are no bytes to read');
    } else if (this.carry.length > 0) {
      this.firstProblem = this.truncated(this.carry.view(), this.carry.start, this.carryLength);
    } else {
      this.firstProblem = this.finish();
    }
    return this.firstProblem;
  }

  /** A last check once all data is in and nothing is cut short; undefined when all is well. */
  protected finish(): CaptureReadError | undefined {
    return undefined;
  }

  /** Whether a problem has stopped the parser (a call, so the compiler does not assume it unchanged). */
  protected failed(): boolean {
    return this.firstProblem !== undefined;
  }

  /** Records the first problem; frames already in the builder are still handed on. */
  protected fail(problem: CaptureReadProblem, offset: number, detail: string): void {
    this.firstProblem ??= this.error(problem, offset, detail);
  }

  /** Builds an error counting the frames handed on before it, including those in the builder. */
  protected error(problem: CaptureReadProblem, offset: number, detail: string): CaptureReadError {
    return new CaptureReadError(problem, offset, this.handedOn + this.builder.count, detail, this.space);
  }

  /**
   * Moves bytes of `chunk[pos…]` into the straddle buffer: first the header, then (its length now
   * known) the rest of the record. When the record is complete, parses it as a one-record batch
   * over its private copy. Returns the position after the bytes taken.
   */
  private feedCarry(chunk: Uint8Array, pos: number, batches: FrameBatch[]): number {
    const carry = this.carry;
    const header = this.headerSize();
    if (carry.length < header) {
      pos += carry.append(chunk, pos, header);
      if (carry.length < header) return pos;
    }
    if (this.carryLength === 0) {
      const length = this.recordLength(dataView(carry.view()), 0, carry.start);
      if (length < 0) return pos;
      this.carryLength = length;
    }
    pos += carry.append(chunk, pos, this.carryLength);
    if (carry.length < this.carryLength) return pos;
    const record = carry.take();
    this.carryLength = 0;
    this.scan(record, dataView(record), 0, carry.start);
    if (this.builder.count > 0) batches.push(this.take(record));
    return pos;
  }

  private take(data: Uint8Array): FrameBatch {
    this.handedOn += this.builder.count;
    return this.builder.take(data);
  }
}

export function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

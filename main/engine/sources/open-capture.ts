/**
 * Reads a capture file from disk in large chunks (8 MiB by default, not one read per packet) and
 * yields its frames in batches. The format comes from the magic bytes; a gzip file is inflated on
 * the fly and the inflated stream sniffed again, so `.pcap.gz` and `.pcapng.gz` both work — and
 * then every offset in frames and errors counts in the decompressed stream, which messages say.
 *
 * Error design: `openCapture` rejects with a CaptureReadError when the file cannot be opened or is
 * no capture at all. `batches()` yields every good frame and then, if the data was bad, throws one
 * CaptureReadError (also left in `problem`) naming the problem, its byte offset and the number of
 * frames read before it; a clean file ends the iteration normally. Aborting via the signal throws
 * the signal's reason (an AbortError by default), which is not a CaptureReadError.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { addAbortSignal } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { CaptureFormat } from '../../../preload/api/analysis';
import { CaptureReadError } from './capture-read-error';
import type { FrameBatch } from './frame-batch';
import { SNIFF_BYTES, sniffFormat } from './magic';
import { fileChunks } from './file-chunks';
import { diagnoseHead, SniffingParser } from './sniffing-parser';

export interface OpenCaptureOptions {
  /** Stops reading: the iteration throws the signal's reason at the next chunk. */
  readonly signal?: AbortSignal;
  /** Bytes per read (and roughly per batch); default 8 MiB, or 1 MiB with `reuseBuffers`. */
  readonly chunkBytes?: number;
  /**
   * Read into a small ring of reused buffers (see file-chunks.ts): faster, but a batch then stays
   * valid only until the batch three chunks later is requested. For consumers that finish each
   * batch before asking for the next, like the pipeline. Compressed files always use fresh buffers.
   */
  readonly reuseBuffers?: boolean;
}

export interface CaptureSource {
  readonly path: string;
  /** The format on disk, from its magic bytes: 'gzip' for a compressed capture. */
  readonly format: CaptureFormat;
  /** The format of the capture inside a gzip file once the first batch is read; else `format`. */
  readonly innerFormat: CaptureFormat | undefined;
  /** Size of the file on disk. */
  readonly totalBytes: number;
  /** File bytes consumed so far (compressed bytes for gzip): progress is bytesRead / totalBytes. */
  readonly bytesRead: number;
  /** Frames yielded so far. */
  readonly framesRead: number;
  /** The problem that ended reading early, once batches() has thrown it. */
  readonly problem: CaptureReadError | undefined;
  /**
   * Yields the frames in file order, in batches of about one chunk. Each batch points into its
   * own read buffer and stays valid for as long as it is kept. Throws a CaptureReadError after the
   * last good batch when the data is bad. Iterate once.
   */
  batches(): AsyncGenerator<FrameBatch, void, undefined>;
}

const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
/** Small enough for a chunk and its decoded frames to stay in the CPU's cache. */
const REUSED_CHUNK_BYTES = 1024 * 1024;
/** Inflate in large pieces too, so records rarely straddle and batches stay big. */
const GUNZIP_CHUNK_BYTES = 1024 * 1024;

/** Opens `path`, checks that it holds a capture, and returns a source to read its frames from. */
export async function openCapture(path: string, options: OpenCaptureOptions = {}): Promise<CaptureSource> {
  const { totalBytes, head } = await readHead(path);
  if (totalBytes === 0) throw new CaptureReadError('empty', 0, 0, `${path} is empty (0 bytes)`);
  const sniffed = sniffFormat(head);
  if (sniffed === undefined) throw diagnoseHead(head);
  return new FileCaptureSource(path, sniffed.format, totalBytes, options);
}

async function readHead(path: string): Promise<{ totalBytes: number; head: Uint8Array }> {
  try {
    const handle = await open(path, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) throw new CaptureReadError('io', 0, 0, `${path} is not a regular file`);
      const head = new Uint8Array(SNIFF_BYTES);
      const { bytesRead } = await handle.read(head, 0, SNIFF_BYTES, 0);
      return { totalBytes: stats.size, head: head.subarray(0, bytesRead) };
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof CaptureReadError) throw error;
    throw new CaptureReadError('io', 0, 0, `${path} cannot be read: ${describe(error)}`);
  }
}

class FileCaptureSource implements CaptureSource {
  private readonly parser: SniffingParser;
  private file: ReadStream | undefined;
  private consumed = 0;
  private started = false;
  private failure: CaptureReadError | undefined;

  constructor(
    readonly path: string,
    readonly format: CaptureFormat,
    readonly totalBytes: number,
    private readonly options: OpenCaptureOptions,
  ) {
    this.parser = new SniffingParser({ space: format === 'gzip' ? 'decompressed' : 'file' });
  }

  get innerFormat(): CaptureFormat | undefined {
    return this.format === 'gzip' ? this.parser.format : this.format;
  }

  get bytesRead(): number {
    return this.format === 'gzip' ? (this.file?.bytesRead ?? 0) : this.consumed;
  }

  get framesRead(): number {
    return this.parser.framesRead;
  }

  get problem(): CaptureReadError | undefined {
    return this.failure;
  }

  async *batches(): AsyncGenerator<FrameBatch, void, undefined> {
    if (this.started) throw new Error('CaptureSource.batches() can be iterated only once');
    this.started = true;
    const { signal } = this.options;
    signal?.throwIfAborted();
    if (this.format === 'gzip') yield* this.gzipBatches(signal);
    else yield* this.plainBatches(signal);
  }

  /** A compressed capture: the file streamed through zlib, the inflated bytes parsed. */
  private async *gzipBatches(signal: AbortSignal | undefined): AsyncGenerator<FrameBatch, void, undefined> {
    const file = createReadStream(this.path, { highWaterMark: this.options.chunkBytes ?? DEFAULT_CHUNK_BYTES });
    this.file = file;
    const gunzip = createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES });
    file.on('error', (error) => gunzip.destroy(error));
    const stream = file.pipe(gunzip);
    if (signal !== undefined) addAbortSignal(signal, stream);
    const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    let decompressed = 0;
    try {
      for (;;) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          signal?.throwIfAborted();
          throw this.fail(this.streamError(error, decompressed));
        }
        if (next.done === true) break;
        signal?.throwIfAborted();
        // A plain Uint8Array view over the Buffer, so consumers' slice() copies as everywhere else.
        const chunk = new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.length);
        this.consumed += chunk.length;
        decompressed += chunk.length;
        yield* this.parser.push(chunk);
        if (this.parser.problem !== undefined) throw this.fail(this.parser.problem);
      }
      const problem = this.parser.end();
      if (problem !== undefined) throw this.fail(problem);
    } finally {
      file.destroy();
      gunzip.destroy();
    }
  }

  /** An uncompressed capture: chunks straight from the file, with one read always in flight. */
  private async *plainBatches(signal: AbortSignal | undefined): AsyncGenerator<FrameBatch, void, undefined> {
    const reuse = this.options.reuseBuffers === true;
    const chunkBytes = this.options.chunkBytes ?? (reuse ? REUSED_CHUNK_BYTES : DEFAULT_CHUNK_BYTES);
    const chunks = fileChunks(this.path, { chunkBytes, reuse });
    try {
      for (;;) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = await chunks.next();
        } catch (error) {
          throw this.fail(this.streamError(error, this.consumed));
        }
        if (next.done === true) break;
        signal?.throwIfAborted();
        this.consumed += next.value.length;
        yield* this.parser.push(next.value);
        if (this.parser.problem !== undefined) throw this.fail(this.parser.problem);
      }
      const problem = this.parser.end();
      if (problem !== undefined) throw this.fail(problem);
    } finally {
      // Also when the consumer stops early: the file handle and its read ahead are released.
      await chunks.return(undefined);
    }
  }

  private fail(error: CaptureReadError): CaptureReadError {
    this.failure = error;
    return error;
  }

  /** Maps a stream failure: zlib's errors carry codes Z_DATA_ERROR, Z_BUF_ERROR (cut short) etc. */
  private streamError(error: unknown, decompressed: number): CaptureReadError {
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
    const frames = this.parser.framesRead;
    if (code.startsWith('Z_')) {
      const how =
        code === 'Z_BUF_ERROR' ? 'the compressed data ends early' : `the gzip data is corrupt (${describe(error)})`;
      return new CaptureReadError(
        'bad-compression',
        decompressed,
        frames,
        `${how}, ${this.file?.bytesRead ?? 0} bytes into the file`,
        'decompressed',
      );
    }
    const offset = this.format === 'gzip' ? (this.file?.bytesRead ?? 0) : this.consumed;
    return new CaptureReadError('io', offset, frames, `reading ${this.path} failed: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

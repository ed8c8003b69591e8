/**
 * Streams flow records to a CSV file (`wirewatch analyze --flows out.csv`). Rows are gathered into
 * chunks of about 64 KiB before reaching the stream, so a million flows make a few thousand writes
 * rather than a million. Backpressure: write() says when the stream's buffer is full, and the
 * caller (the pipeline, between batches) awaits drained() before feeding more packets.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { CSV_LINE_END, flowCsvHeader, flowToCsvRow } from './flow-csv';
import type { FlowRecord } from './flow-record';

const CHUNK_CHARS = 64 * 1024;

export class FlowCsvWriter {
  private chunk = '';
  private failure: Error | undefined;
  private closed = false;

  private constructor(private readonly stream: WriteStream) {
    // Kept and rethrown from the next write/drained/close, so an I/O error is never silently lost.
    stream.on('error', (error) => {
      this.failure = error;
    });
  }

  /** Creates (or truncates) `path` and writes the header. Rejects if the file cannot be opened. */
  static async open(path: string): Promise<FlowCsvWriter> {
    const stream = createWriteStream(path, { flags: 'w', encoding: 'utf8' });
    await once(stream, 'open');
    const writer = new FlowCsvWriter(stream);
    writer.chunk = flowCsvHeader() + CSV_LINE_END;
    return writer;
  }

  /**
   * Queues one record. Returns false when the stream's buffer is full: await drained() before
   * writing much more. Throws the stream's error if it failed, or if the writer was closed.
   */
  write(record: FlowRecord): boolean {
    this.check();
    this.chunk += flowToCsvRow(record) + CSV_LINE_END;
    if (this.chunk.length >= CHUNK_CHARS) this.pushChunk();
    return !this.stream.writableNeedDrain;
  }

  /** A record handler for FlowTableOptions.onFlow; check `needsDrain` between batches. */
  readonly onFlow = (record: FlowRecord): void => {
    this.write(record);
  };

  /** True when the stream's buffer is over its high-water mark. */
  get needsDrain(): boolean {
    return this.stream.writableNeedDrain;
  }

  /** Resolves once the stream has room again (at once if it has); rejects on a stream error. */
  async drained(): Promise<void> {
    this.check();
    if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
    this.check();
  }

  /** Writes what is queued, ends the file and resolves when it is flushed; rejects on a stream error. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.check();
    this.closed = true;
    this.pushChunk();
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
  }

  private pushChunk(): void {
    if (this.chunk.length === 0) return;
    this.stream.write(this.chunk);
    this.chunk = '';
  }

  private check(): void {
    if (this.failure) throw this.failure;
    if (this.closed) throw new Error('FlowCsvWriter is closed');
  }
}

/**
 * Streams frames into a capture file: records are built in place in a large chunk, and full
 * chunks go to the sink while the next chunk fills. Two chunks alternate, so memory stays at
 * two chunks whatever the file size, and generating overlaps with the disk write.
 */
import type { CaptureFormat } from './capture-format';
import type { ChunkSink } from './chunk-sink';
import type { FrameOut } from './frame-out';

/** Room past the flush mark for the record that crosses it: more than any one record needs. */
const SLACK = 64 * 1024;
const NS_PER_SECOND = 1e9;

interface Chunk {
  readonly bytes: Uint8Array;
  readonly view: DataView;
}

export class CaptureWriter implements FrameOut {
  bytes: Uint8Array;
  /** Frames written so far, and the file's size so far. */
  packets = 0;
  fileBytes = 0;
  #chunk: Chunk;
  #spare: Chunk;
  #used = 0;
  #inFlight: Promise<void> = Promise.resolve();
  #lastTime = 0;
  /** A failed chunk write, reported at the next flush or close. */
  #failure: Error | undefined;

  constructor(
    private readonly format: CaptureFormat,
    private readonly sink: ChunkSink,
    /** Epoch seconds at time 0. */
    private readonly startSeconds: number,
    private readonly chunkBytes = 4 * 1024 * 1024,
  ) {
    this.#chunk = makeChunk(chunkBytes + SLACK);
    this.#spare = makeChunk(chunkBytes + SLACK);
    this.bytes = this.#chunk.bytes;
    const header = format.header();
    this.bytes.set(header);
    this.#used = header.length;
    this.fileBytes = header.length;
  }

  /** The current chunk has reached its size: call flush() before more frames. */
  get chunkFull(): boolean {
    return this.#used >= this.chunkBytes;
  }

  begin(timeNs: number, length: number): number {
    if (timeNs < this.#lastTime) throw new RangeError(`frame at ${timeNs} ns after one at ${this.#lastTime} ns`);
    this.#lastTime = timeNs;
    const record = this.format.recordLength(length);
    const at = this.#used;
    if (at + record > this.bytes.length) throw new RangeError('chunk overflow: flush when chunkFull');
    this.bytes.fill(0, at, at + record);
    const whole = Math.floor(timeNs);
    const seconds = this.startSeconds + Math.floor(whole / NS_PER_SECOND);
    const frameAt = this.format.writeRecord(this.#chunk.view, at, seconds, whole % NS_PER_SECOND, length);
    this.#used += record;
    this.fileBytes += record;
    this.packets += 1;
    return frameAt;
  }

  /** Hands the filled chunk to the sink and switches to the other one once its write is done. */
  async flush(): Promise<void> {
    this.#throwIfFailed();
    const full = this.#chunk;
    const written = this.sink.write(full.bytes.subarray(0, this.#used)).catch((error: unknown) => {
      this.#failure ??= error instanceof Error ? error : new Error(String(error));
    });
    await this.#inFlight;
    this.#throwIfFailed();
    this.#inFlight = written;
    this.#chunk = this.#spare;
    this.#spare = full;
    this.bytes = this.#chunk.bytes;
    this.#used = 0;
  }

  async close(): Promise<void> {
    if (this.#used > 0) await this.flush();
    await this.#inFlight;
    this.#throwIfFailed();
    await this.sink.close();
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure;
  }
}

function makeChunk(size: number): Chunk {
  const bytes = new Uint8Array(size);
  return { bytes, view: new DataView(bytes.buffer) };
}

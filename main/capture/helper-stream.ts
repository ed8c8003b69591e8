/**
 * The parent's side of the helper's stdout (helper-protocol.ts): cuts the byte stream back into
 * records and hands each batch on as a FrameBatch pointing into the record, without copying frames.
 */
import type { FrameBatch } from '../engine/sources/frame-batch';
import { FRAME_HEADER, MAX_RECORD_BYTES, RECORD, RECORD_HEADER, type HelperControl } from './helper-protocol';

export interface HelperStreamHandlers {
  /** A batch; the arrays are reused for the next one, so finish with it during the call. */
  readonly onBatch: (batch: FrameBatch) => void;
  readonly onControl: (message: HelperControl) => void;
}

/** The stream is not the helper's protocol (a stray print on stdout, a truncated record). */
export class HelperStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelperStreamError';
  }
}

export class HelperStreamReader {
  #chunks: Buffer[] = [];
  #buffered = 0;
  readonly #batch: FrameBatch = {
    count: 0,
    data: new Uint8Array(0),
    offsets: new Uint32Array(1024),
    caplens: new Uint32Array(1024),
    wirelens: new Uint32Array(1024),
    seconds: new Float64Array(1024),
    nanos: new Uint32Array(1024),
    linktypes: new Uint16Array(1024),
    fileOffsets: new Float64Array(1024),
  };

  constructor(
    private readonly handlers: HelperStreamHandlers,
    /** Link type stamped on every frame; set from the helper's `ready`. */
    public linktype = 1,
  ) {}

  /** Takes the next piece of the stream; throws HelperStreamError when it is not the protocol. */
  push(chunk: Buffer): void {
    this.#chunks.push(chunk);
    this.#buffered += chunk.length;
    for (;;) {
      if (this.#buffered < 4) return;
      const head = this.#head(4);
      const length = head.readUInt32LE(0);
      if (length < 1 || length > MAX_RECORD_BYTES) {
        throw new HelperStreamError(`capture helper sent a record of ${length} bytes`);
      }
      if (this.#buffered < 4 + length) return;
      const all = this.#head(4 + length);
      const record = all.subarray(0, 4 + length);
      const rest = all.subarray(4 + length);
      this.#chunks = rest.length > 0 ? [rest] : [];
      this.#buffered = rest.length;
      this.#record(record);
    }
  }

  /** The first chunk, merged with the following ones until it holds at least `bytes`. */
  #head(bytes: number): Buffer {
    let first = this.#chunks[0] ?? Buffer.alloc(0);
    if (first.length < bytes) {
      first = Buffer.concat(this.#chunks);
      this.#chunks = [first];
    }
    return first;
  }

  #record(record: Buffer): void {
    const type = record.readUInt8(4);
    if (type === RECORD.control) {
      let message: HelperControl;
      try {
        message = JSON.parse(record.toString('utf8', RECORD_HEADER)) as HelperControl;
      } catch (error) {
        throw new HelperStreamError(`capture helper sent unreadable control JSON: ${String(error)}`);
      }
      if (message.type === 'ready') this.linktype = message.linktype;
      this.handlers.onControl(message);
      return;
    }
    if (type !== RECORD.batch) throw new HelperStreamError(`capture helper sent an unknown record type ${type}`);
    this.handlers.onBatch(this.#frames(record));
  }

  #frames(record: Buffer): FrameBatch {
    const count = record.readUInt32LE(RECORD_HEADER);
    const batch = this.#ensure(count);
    batch.data = record;
    let at = RECORD_HEADER + 4;
    for (let i = 0; i < count; i++) {
      if (at + FRAME_HEADER > record.length) throw new HelperStreamError('capture helper sent a cut batch');
      const caplen = record.readUInt32LE(at + 8);
      batch.seconds[i] = record.readUInt32LE(at);
      batch.nanos[i] = record.readUInt32LE(at + 4);
      batch.caplens[i] = caplen;
      batch.wirelens[i] = record.readUInt32LE(at + 12);
      batch.offsets[i] = at + FRAME_HEADER;
      batch.linktypes[i] = this.linktype;
      batch.fileOffsets[i] = 0;
      at += FRAME_HEADER + caplen;
      if (at > record.length) throw new HelperStreamError('capture helper sent a frame past its batch');
    }
    batch.count = count;
    return batch;
  }

  #ensure(count: number): FrameBatch {
    const batch = this.#batch;
    if (batch.offsets.length >= count) return batch;
    const size = Math.max(count, batch.offsets.length * 2);
    batch.offsets = new Uint32Array(size);
    batch.caplens = new Uint32Array(size);
    batch.wirelens = new Uint32Array(size);
    batch.seconds = new Float64Array(size);
    batch.nanos = new Uint32Array(size);
    batch.linktypes = new Uint16Array(size);
    batch.fileOffsets = new Float64Array(size);
    return batch;
  }
}

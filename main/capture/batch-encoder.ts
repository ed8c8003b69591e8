/**
 * The helper's side of a batch record (helper-protocol.ts): frames are copied once, from libpcap's
 * buffer into one growing record, and the record is written out whole when libpcap's poll is done
 * or the record is near its size limit.
 */
import { FRAME_HEADER, RECORD, RECORD_HEADER } from './helper-protocol';

/** A batch is sent once it holds this many bytes, before its flush timer (keeps records small). */
export const BATCH_BYTES = 512 * 1024;

export class BatchEncoder {
  #buffer = Buffer.allocUnsafe(BATCH_BYTES + 70_000);
  #used = RECORD_HEADER + 4;
  #count = 0;

  get count(): number {
    return this.#count;
  }

  /** True once the batch should be sent before more frames are added. */
  get full(): boolean {
    return this.#used >= BATCH_BYTES;
  }

  /** Copies the first `caplen` bytes of `frame`; `wirelen` is the length on the wire. */
  add(frame: Buffer, caplen: number, wirelen: number, seconds: number, nanos: number): void {
    const need = this.#used + FRAME_HEADER + caplen;
    if (need > this.#buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, this.#buffer.length * 2));
      this.#buffer.copy(bigger, 0, 0, this.#used);
      this.#buffer = bigger;
    }
    const out = this.#buffer;
    let at = this.#used;
    out.writeUInt32LE(seconds >>> 0, at);
    out.writeUInt32LE(nanos >>> 0, at + 4);
    out.writeUInt32LE(caplen, at + 8);
    out.writeUInt32LE(wirelen, at + 12);
    at += FRAME_HEADER;
    frame.copy(out, at, 0, caplen);
    this.#used = at + caplen;
    this.#count += 1;
  }

  /**
   * The finished record, or undefined when empty. The record keeps the buffer it was built in (it
   * may sit in the pipe's write queue a while) and the encoder starts a fresh one: no copy.
   */
  take(): Buffer | undefined {
    if (this.#count === 0) return undefined;
    const out = this.#buffer;
    out.writeUInt32LE(this.#used - 4, 0);
    out.writeUInt8(RECORD.batch, 4);
    out.writeUInt32LE(this.#count, RECORD_HEADER);
    const record = out.subarray(0, this.#used);
    this.#buffer = Buffer.allocUnsafe(BATCH_BYTES + 70_000);
    this.#used = RECORD_HEADER + 4;
    this.#count = 0;
    return record;
  }
}

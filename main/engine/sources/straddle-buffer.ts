/**
 * Holds the one record that straddles two (or more) chunks. Only that record is copied, once
 * (plus its few header bytes, read before its length is known), so reading costs O(file size)
 * however the chunks fall — never the O(n²) of concatenating leftovers onto every new chunk.
 */
export class StraddleBuffer {
  private bytes = new Uint8Array(32);
  private filled = 0;
  /** Stream offset of the first held byte. */
  start = 0;

  /** Bytes held so far. */
  get length(): number {
    return this.filled;
  }

  /**
   * Copies bytes from `chunk[from…]` until `want` bytes are held or the chunk runs out, and
   * returns how many it took. Grows the buffer to exactly `want` when needed: callers pass the
   * record's length once they know it, so a record is never copied more than twice.
   */
  append(chunk: Uint8Array, from: number, want: number): number {
    const count = Math.min(want - this.filled, chunk.length - from);
    if (count <= 0) return 0;
    if (this.filled + count > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(want, this.bytes.length * 2));
      bigger.set(this.bytes.subarray(0, this.filled));
      this.bytes = bigger;
    }
    this.bytes.set(chunk.subarray(from, from + count), this.filled);
    this.filled += count;
    return count;
  }

  /** The bytes held, as a view that is valid until the next append or take. */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.filled);
  }

  /** Hands the held bytes over for good (a batch will point into them) and starts empty. */
  take(): Uint8Array {
    const held = this.bytes.subarray(0, this.filled);
    this.bytes = new Uint8Array(32);
    this.filled = 0;
    return held;
  }
}

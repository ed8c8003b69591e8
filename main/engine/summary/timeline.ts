/**
 * Packets and bytes per interval of capture time. Starts at one-second buckets and, when a capture
 * spans more than MAX_BUCKETS of them, doubles the bucket width (merging pairs), so memory stays
 * bounded whatever the span (a capture with a bogus 1970 timestamp among 2026 ones included).
 */
export const MAX_BUCKETS = 4096;

export interface TimelineSnapshot {
  /** Epoch seconds at the start of bucket 0; null when no packet was seen. */
  readonly start: number | null;
  readonly bucketSeconds: number;
  readonly packets: readonly number[];
  readonly bytes: readonly number[];
}

export class Timeline {
  #start = Number.NaN;
  #width = 1;
  #packets = new Float64Array(MAX_BUCKETS);
  #bytes = new Float64Array(MAX_BUCKETS);
  #used = 0;

  add(seconds: number, bytes: number): void {
    if (Number.isNaN(this.#start)) this.#start = Math.floor(seconds);
    if (seconds < this.#start) this.#shiftStart(seconds);
    let index = Math.floor((seconds - this.#start) / this.#width);
    while (index >= MAX_BUCKETS) {
      this.#coarsen();
      index = Math.floor((seconds - this.#start) / this.#width);
    }
    this.#packets[index] = (this.#packets[index] ?? 0) + 1;
    this.#bytes[index] = (this.#bytes[index] ?? 0) + bytes;
    if (index >= this.#used) this.#used = index + 1;
  }

  snapshot(): TimelineSnapshot {
    return {
      start: Number.isNaN(this.#start) ? null : this.#start,
      bucketSeconds: this.#width,
      packets: Array.from(this.#packets.subarray(0, this.#used)),
      bytes: Array.from(this.#bytes.subarray(0, this.#used)),
    };
  }

  /** Doubles the bucket width, merging neighbours; bucket 0 keeps its start. */
  #coarsen(): void {
    this.#width *= 2;
    for (let i = 0; i < MAX_BUCKETS / 2; i++) {
      this.#packets[i] = (this.#packets[2 * i] ?? 0) + (this.#packets[2 * i + 1] ?? 0);
      this.#bytes[i] = (this.#bytes[2 * i] ?? 0) + (this.#bytes[2 * i + 1] ?? 0);
    }
    this.#packets.fill(0, MAX_BUCKETS / 2);
    this.#bytes.fill(0, MAX_BUCKETS / 2);
    this.#used = Math.ceil(this.#used / 2);
  }

  /** Packets out of time order earlier than the start: move the start back, shifting buckets. */
  #shiftStart(seconds: number): void {
    let needed = Math.ceil((this.#start - Math.floor(seconds)) / this.#width);
    while (needed + this.#used > MAX_BUCKETS) {
      this.#coarsen();
      needed = Math.ceil((this.#start - Math.floor(seconds)) / this.#width);
    }
    this.#packets.copyWithin(needed, 0, this.#used);
    this.#bytes.copyWithin(needed, 0, this.#used);
    this.#packets.fill(0, 0, needed);
    this.#bytes.fill(0, 0, needed);
    this.#start -= needed * this.#width;
    this.#used += needed;
  }
}

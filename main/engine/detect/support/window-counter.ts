/**
 * Events (and a weight, e.g. bytes) per key over a sliding window of capture time, kept in a ring of
 * buckets so adding is O(1) and allocates nothing once a key exists. The window is approximate by at
 * most one bucket width (window / buckets): finer than the fixed intervals that Snort's rate_filter
 * and Suricata's threshold counting reset at, at a cost of a few numbers per key.
 */
import { BoundedMap } from './bounded-map';

/** One key's window, as `add` returns it (the same object each time: copy what you keep). */
export class WindowTally {
  /** Events within the window. */
  count = 0;
  /** Sum of the weights of those events. */
  sum = 0;
  /** Time of the first event since the window last emptied, and of the latest event. */
  firstSeen = 0;
  lastSeen = 0;
  readonly counts: Float64Array;
  readonly sums: Float64Array;
  /** Which bucket period (floor(time / width)) each slot holds. */
  readonly periods: Float64Array;

  constructor(buckets: number) {
    this.counts = new Float64Array(buckets);
    this.sums = new Float64Array(buckets);
    this.periods = new Float64Array(buckets).fill(-1);
  }
}

/**
 * A tally's rates over its window as the flood rules' summaries state them: packets per second,
 * rounded, and Mbit/s to a tenth (for tallies whose weights are bytes). Allocates: call when reporting.
 */
export function tallyRates(tally: WindowTally, windowSeconds: number): { readonly pps: number; readonly mbps: number } {
  return {
    pps: Math.round(tally.count / windowSeconds),
    mbps: Math.round((tally.sum * 8) / windowSeconds / 1e5) / 10,
  };
}

export interface WindowCounterOptions {
  /** Window length in seconds of capture time. */
  readonly windowSeconds: number;
  /** Buckets per window (default 10: the window is exact to a tenth). */
  readonly buckets?: number;
  /** Most keys kept; the least recently used is forgotten beyond it. */
  readonly maxKeys: number;
}

export class WindowCounter<K> {
  readonly table: BoundedMap<K, WindowTally>;
  private readonly buckets: number;
  private readonly width: number;

  constructor(options: WindowCounterOptions) {
    this.buckets = Math.max(1, Math.floor(options.buckets ?? 10));
    this.width = options.windowSeconds / this.buckets;
    if (!(this.width > 0)) throw new RangeError(`window must be positive, got ${options.windowSeconds}`);
    this.table = new BoundedMap(options.maxKeys);
  }

  /** Keys forgotten to stay within maxKeys. */
  get evictions(): number {
    return this.table.evictions;
  }

  /** Counts one event of `weight` for `key` at `time` and returns the key's window. */
  add(key: K, time: number, weight = 0): WindowTally {
    let tally = this.table.get(key);
    if (tally === undefined) {
      tally = new WindowTally(this.buckets);
      this.table.set(key, tally);
    }
    // Captures are not strictly ordered (multi-queue NICs, merged files): a packet stamped a little
    // before the latest one counts in the newest bucket rather than rewinding the window.
    const at = tally.count > 0 && time < tally.lastSeen ? tally.lastSeen : time;
    this.advance(tally, at);
    if (tally.count === 0) tally.firstSeen = time;
    const period = Math.floor(at / this.width);
    const slot = period % this.buckets;
    tally.counts[slot] = (tally.counts[slot] ?? 0) + 1;
    tally.sums[slot] = (tally.sums[slot] ?? 0) + weight;
    tally.count++;
    tally.sum += weight;
    tally.lastSeen = at;
    return tally;
  }

  /** The key's window as of `time` without adding, or undefined when the key is unknown. */
  peek(key: K, time: number): WindowTally | undefined {
    const tally = this.table.peek(key);
    if (tally !== undefined) this.advance(tally, time);
    return tally;
  }

  /** Drops buckets that fell out of the window ending at `time`. */
  private advance(tally: WindowTally, time: number): void {
    const period = Math.floor(time / this.width);
    const oldest = period - this.buckets + 1;
    const { counts, sums, periods } = tally;
    for (let slot = 0; slot < this.buckets; slot++) {
      const held = periods[slot] ?? -1;
      if (held === period || (held >= oldest && held < period)) continue;
      // Stale (or reserved for this period and not yet used): empty it.
      tally.count -= counts[slot] ?? 0;
      tally.sum -= sums[slot] ?? 0;
      counts[slot] = 0;
      sums[slot] = 0;
      periods[slot] = slot === period % this.buckets ? period : -1;
    }
    // Floating-point sums drift; an empty window is exactly empty.
    if (tally.count <= 0) {
      tally.count = 0;
      tally.sum = 0;
    }
  }
}

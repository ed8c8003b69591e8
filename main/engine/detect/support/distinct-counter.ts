/**
 * Distinct values per key within a sliding window of capture time: distinct ports a source probed on
 * a target, distinct targets a source touched, distinct sources sending to a target. Each key keeps a
 * Map from value to the time it was last seen and how often, capped at `maxValuesPerKey` so one key
 * cannot grow without bound either (beyond the cap, new values are counted in `overflow` and the
 * distinct count saturates: enough to know the threshold was passed).
 */
import { BoundedMap } from './bounded-map';

/**
 * One key's distinct values (the same object each time for a key: copy what you keep). Most keys in
 * a flood of spoofed sources see a single value, so the first value is held inline and the Maps are
 * made only when a second distinct value arrives: a new key then costs one small object.
 */
export class DistinctSet<V> {
  /** value → time last seen, once there is more than one value. */
  private values: Map<V, number> | undefined;
  /** value → hits, alongside `values`. */
  private hitCounts: Map<V, number> | undefined;
  private hasOne = false;
  /** The single value while `hasOne` (read it as V only then; V itself may include undefined). */
  private one: V | undefined;
  private oneSeen = 0;
  private oneHits = 0;
  /** New values refused because the key was at its cap, within the current window. */
  overflow = 0;
  /** Time of the first value since the set last emptied, and of the latest. */
  firstSeen = 0;
  latest = 0;
  /** Events counted (hits on any value) since the set last emptied. */
  events = 0;
  /** When the set was last swept for stale values. */
  sweptAt = 0;

  /** Distinct values held within the window (saturates at the cap). */
  get size(): number {
    return this.values !== undefined ? this.values.size : this.hasOne ? 1 : 0;
  }

  /** Records a hit on `value` at `time`; false when the value is new and the set holds `cap` values. */
  record(value: V, time: number, cap: number): boolean {
    const values = this.values;
    if (values !== undefined && this.hitCounts !== undefined) {
      const hits = this.hitCounts.get(value);
      if (hits === undefined && values.size >= cap) return false;
      values.set(value, time);
      this.hitCounts.set(value, (hits ?? 0) + 1);
      return true;
    }
    if (!this.hasOne || this.one === value) {
      this.hasOne = true;
      this.one = value;
      this.oneSeen = time;
      this.oneHits++;
      return true;
    }
    if (cap <= 1) return false;
    // A second distinct value: move to Maps.
    this.values = new Map<V, number>();
    this.hitCounts = new Map<V, number>();
    this.values.set(this.one as V, this.oneSeen);
    this.hitCounts.set(this.one as V, this.oneHits);
    this.values.set(value, time);
    this.hitCounts.set(value, 1);
    this.clearOne();
    return true;
  }

  /** Stops counting `value` (e.g. a port that turned out to be an open service). */
  forget(value: V): void {
    if (this.values !== undefined) {
      this.values.delete(value);
      this.hitCounts?.delete(value);
    } else if (this.hasOne && this.one === value) {
      this.clearOne();
    }
  }

  /** Drops values last seen before `horizon`. */
  expire(horizon: number): void {
    if (this.values !== undefined) {
      for (const [value, seen] of this.values) {
        if (seen < horizon) this.forget(value);
      }
    } else if (this.hasOne && this.oneSeen < horizon) {
      this.clearOne();
    }
  }

  /** Up to `n` values, most hit first. Allocates: call when reporting, not per packet. */
  top(n: number): V[] {
    return this.entries()
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([value]) => value);
  }

  /** Up to `n` values in ascending order (ports read best sorted). */
  sample(n: number): V[] {
    return this.entries()
      .map(([value]) => value)
      .sort(compare)
      .slice(0, n);
  }

  /** [value, hits] pairs. Allocates: call when reporting, not per packet. */
  entries(): [V, number][] {
    if (this.hitCounts !== undefined) return [...this.hitCounts.entries()];
    return this.hasOne ? [[this.one as V, this.oneHits]] : [];
  }

  private clearOne(): void {
    this.hasOne = false;
    this.one = undefined;
    this.oneSeen = 0;
    this.oneHits = 0;
  }
}

function compare<V>(a: V, b: V): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

export interface DistinctCounterOptions {
  /** Window length in seconds of capture time. */
  readonly windowSeconds: number;
  /** Most keys kept (least recently used forgotten beyond). */
  readonly maxKeys: number;
  /** Most distinct values kept per key. */
  readonly maxValuesPerKey: number;
}

/**
 * The window rule for DistinctSets, without a table: for a caller that keeps its sets inside its
 * own per-key state (one lookup per packet instead of one per set).
 */
export class DistinctWindow<V> {
  readonly windowSeconds: number;
  readonly maxValues: number;

  constructor(windowSeconds: number, maxValues: number) {
    if (!(windowSeconds > 0)) throw new RangeError(`window must be positive, got ${windowSeconds}`);
    this.windowSeconds = windowSeconds;
    this.maxValues = Math.max(1, Math.floor(maxValues));
  }

  /** Records `value` in `set` at `time`, dropping values that left the window; returns `set`. */
  add(set: DistinctSet<V>, value: V, time: number): DistinctSet<V> {
    // Sweeping is O(values), so do it at most four times a window: the count may then include
    // values up to a quarter window stale, and a full set refuses new values until the next sweep.
    if (time - set.sweptAt >= this.windowSeconds / 4 || time < set.sweptAt) this.sweep(set, time);
    if (set.size === 0 && set.overflow === 0) {
      set.firstSeen = time;
      set.events = 0;
    }
    set.events++;
    if (time > set.latest) set.latest = time;
    if (!set.record(value, time, this.maxValues)) set.overflow++;
    return set;
  }

  private sweep(set: DistinctSet<V>, time: number): void {
    set.sweptAt = time;
    const horizon = time - this.windowSeconds;
    set.expire(horizon);
    // Overflow is only known to be recent when the latest value is; past a window of quiet, reset it.
    if (set.latest < horizon) set.overflow = 0;
  }
}

export class DistinctCounter<K, V> {
  readonly table: BoundedMap<K, DistinctSet<V>>;
  private readonly window: DistinctWindow<V>;

  constructor(options: DistinctCounterOptions) {
    this.window = new DistinctWindow(options.windowSeconds, options.maxValuesPerKey);
    this.table = new BoundedMap(options.maxKeys);
  }

  /** Keys forgotten to stay within maxKeys. */
  get evictions(): number {
    return this.table.evictions;
  }

  /** Records `value` for `key` at `time` and returns the key's set (its `size` is the distinct count). */
  add(key: K, value: V, time: number): DistinctSet<V> {
    let set = this.table.get(key);
    if (set === undefined) {
      set = new DistinctSet<V>();
      this.table.set(key, set);
    }
    return this.window.add(set, value, time);
  }

  /** The key's set without recording anything, or undefined when unknown. */
  peek(key: K): DistinctSet<V> | undefined {
    return this.table.peek(key);
  }

  /** Forgets everything about `key` (e.g. after reporting it, to count afresh). */
  delete(key: K): void {
    this.table.delete(key);
  }
}

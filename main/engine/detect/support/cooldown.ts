/**
 * Reports a sustained condition once per interval instead of once per packet. The incident book
 * would group the repeats anyway, but a flood of a million packets should not make a million
 * detections on the way there.
 */
import { BoundedMap } from './bounded-map';

export class Cooldown<K> {
  private readonly last: BoundedMap<K, number>;
  /** Reports held back because the key fired within the interval. */
  suppressed = 0;

  /**
   * @param intervalSeconds capture time that must pass between two reports for one key
   * @param maxKeys most keys remembered; a forgotten key may report again early, which is harmless
   */
  constructor(
    readonly intervalSeconds: number,
    maxKeys: number,
  ) {
    this.last = new BoundedMap(maxKeys);
  }

  /** True (and the interval restarts) when `key` may report at `time`; false while it is cooling down. */
  tryFire(key: K, time: number): boolean {
    const last = this.last.get(key);
    if (last !== undefined && time - last < this.intervalSeconds && time >= last) {
      this.suppressed++;
      return false;
    }
    this.last.set(key, time);
    return true;
  }

  /** True when `key` reported within the interval before `time`. */
  cooling(key: K, time: number): boolean {
    const last = this.last.peek(key);
    return last !== undefined && time - last < this.intervalSeconds && time >= last;
  }
}

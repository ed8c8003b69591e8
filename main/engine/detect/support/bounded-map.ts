/**
 * A map with a fixed capacity that evicts the least recently used key. Per-host tables use it so a
 * flood of spoofed sources costs a bounded amount of memory: the table stays at `capacity` and the
 * `evictions` counter says how much was forgotten (a rising counter is itself a sign of spoofing).
 *
 * Recency is the flow table's RecencyList (an intrusive linked list over slot numbers), not a Map's
 * insertion order: deleting and re-inserting Map keys leaves deleted entries at the front of V8's
 * table, so finding the oldest key by iteration grows slower the busier the map — 3 µs per eviction
 * under a spoofed flood. Here eviction and touching are O(1) and allocate nothing.
 *
 * Values must not be undefined: `get` returns undefined to mean "absent".
 */
import { RecencyList } from '../../flows/recency-list';

const FIRST_SLOTS = 1024;

export class BoundedMap<K, V> {
  private readonly index = new Map<K, number>();
  private readonly keys: K[] = [];
  private readonly values: V[] = [];
  /** Slots emptied by delete, reused before new ones. */
  private readonly free: number[] = [];
  private recency: RecencyList;
  private slotCapacity: number;
  /** Keys dropped to make room, since construction. */
  evictions = 0;
  /**
   * The most recently used key and its slot. Rules look up the same key for a burst of packets (a
   * flow's, a flood's); answering those from here skips the Map lookup and the recency update,
   * which is exact because that key already is the most recent. -1 when unknown.
   */
  private lastKey: K | undefined;
  private lastSlot = -1;

  /**
   * @param capacity most keys kept (at least 1)
   * @param onEvict called with each evicted key and value, e.g. to report what a dropped key held
   */
  constructor(
    readonly capacity: number,
    private readonly onEvict?: (key: K, value: V) => void,
  ) {
    if (!(capacity >= 1)) throw new RangeError(`BoundedMap capacity must be at least 1, got ${capacity}`);
    this.slotCapacity = Math.min(capacity, FIRST_SLOTS);
    this.recency = new RecencyList(this.slotCapacity);
  }

  get size(): number {
    return this.index.size;
  }

  /** The value for `key`, marking it most recently used; undefined when absent. */
  get(key: K): V | undefined {
    if (this.lastSlot >= 0 && key === this.lastKey) return this.values[this.lastSlot];
    const slot = this.index.get(key);
    if (slot === undefined) return undefined;
    this.recency.touch(slot);
    this.remember(key, slot);
    return this.values[slot];
  }

  /** The value for `key` without touching its recency. */
  peek(key: K): V | undefined {
    const slot = this.index.get(key);
    return slot === undefined ? undefined : this.values[slot];
  }

  has(key: K): boolean {
    return this.index.has(key);
  }

  /** Stores `value` as the most recently used key, evicting the least recently used key when full. */
  set(key: K, value: V): void {
    const existing = this.index.get(key);
    if (existing !== undefined) {
      this.values[existing] = value;
      this.recency.touch(existing);
      this.remember(key, existing);
      return;
    }
    const slot = this.acquireSlot();
    this.keys[slot] = key;
    this.values[slot] = value;
    this.index.set(key, slot);
    this.recency.push(slot);
    this.remember(key, slot);
  }

  delete(key: K): boolean {
    const slot = this.index.get(key);
    if (slot === undefined) return false;
    if (slot === this.lastSlot) this.forgetLast();
    this.index.delete(key);
    this.recency.remove(slot);
    this.free.push(slot);
    return true;
  }

  clear(): void {
    this.forgetLast();
    for (const slot of this.index.values()) {
      this.recency.remove(slot);
      this.free.push(slot);
    }
    this.index.clear();
  }

  /** Entries from least to most recently used. */
  *entries(): IterableIterator<[K, V]> {
    for (const slot of this.recency.slots()) {
      const key = this.keys[slot];
      const value = this.values[slot];
      if (key !== undefined && value !== undefined) yield [key, value];
    }
  }

  /** A free slot: a deleted one, a new one while below capacity, else the least recently used one's. */
  private remember(key: K, slot: number): void {
    this.lastKey = key;
    this.lastSlot = slot;
  }

  private forgetLast(): void {
    this.lastKey = undefined;
    this.lastSlot = -1;
  }

  private acquireSlot(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const used = this.keys.length;
    if (used < this.capacity) {
      if (used >= this.slotCapacity) {
        this.slotCapacity = Math.min(this.capacity, this.slotCapacity * 2);
        this.recency.grow(this.slotCapacity);
      }
      return used;
    }
    const oldest = this.recency.head;
    if (oldest === this.lastSlot) this.forgetLast();
    const key = this.keys[oldest];
    const value = this.values[oldest];
    this.recency.remove(oldest);
    if (key !== undefined) this.index.delete(key);
    this.evictions++;
    if (key !== undefined && value !== undefined) this.onEvict?.(key, value);
    return oldest;
  }
}

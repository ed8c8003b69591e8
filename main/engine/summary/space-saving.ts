/**
 * Heavy hitters in bounded memory: the Space-Saving algorithm (Metwally, Agrawal, El Abbadi,
 * "Efficient Computation of Frequent and Top-k Elements in Data Streams", ICDT 2005). With
 * `capacity` counters, every key whose true weight exceeds total/capacity is kept, and each kept
 * weight overestimates the truth by at most its `error`. It is exact while there are no more
 * distinct keys than counters, the common case; a flood of spoofed sources cannot make it grow.
 *
 * Counters sit in a binary min-heap by weight (with each counter's heap position stored), so both
 * an increment and a replacement of the minimum cost O(log capacity).
 */
export interface HeavyHitter<K> {
  readonly key: K;
  /** Weight counted (an overestimate by at most `error`). */
  readonly weight: number;
  /** Secondary count carried along (e.g. packets when weight is bytes). */
  readonly count: number;
  readonly error: number;
}

interface Counter<K> {
  key: K;
  weight: number;
  count: number;
  error: number;
  position: number;
}

export class SpaceSaving<K> {
  readonly #index = new Map<K, Counter<K>>();
  readonly #heap: Counter<K>[] = [];

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
  }

  add(key: K, weight: number, count = 1): void {
    const known = this.#index.get(key);
    if (known !== undefined) {
      known.weight += weight;
      known.count += count;
      this.#siftDown(known.position);
      return;
    }
    if (this.#heap.length < this.capacity) {
      const counter = { key, weight, count, error: 0, position: this.#heap.length };
      this.#heap.push(counter);
      this.#index.set(key, counter);
      this.#siftUp(counter.position);
      return;
    }
    // Full: the smallest counter is taken over; the newcomer inherits its weight as possible error.
    const smallest = this.#heap[0];
    if (smallest === undefined) return;
    this.#index.delete(smallest.key);
    smallest.error = smallest.weight;
    smallest.weight += weight;
    smallest.count += count;
    smallest.key = key;
    this.#index.set(key, smallest);
    this.#siftDown(0);
  }

  /** The k heaviest keys, heaviest first. */
  top(k: number): HeavyHitter<K>[] {
    return [...this.#heap]
      .sort((a, b) => b.weight - a.weight)
      .slice(0, k)
      .map(({ key, weight, count, error }) => ({ key, weight, count, error }));
  }

  get size(): number {
    return this.#heap.length;
  }

  #siftUp(start: number): void {
    let position = start;
    while (position > 0) {
      const parent = (position - 1) >> 1;
      if (!this.#less(position, parent)) return;
      this.#swap(position, parent);
      position = parent;
    }
  }

  #siftDown(start: number): void {
    let position = start;
    for (;;) {
      const left = 2 * position + 1;
      const right = left + 1;
      let smallest = position;
      if (left < this.#heap.length && this.#less(left, smallest)) smallest = left;
      if (right < this.#heap.length && this.#less(right, smallest)) smallest = right;
      if (smallest === position) return;
      this.#swap(position, smallest);
      position = smallest;
    }
  }

  #less(a: number, b: number): boolean {
    return (this.#heap[a]?.weight ?? 0) < (this.#heap[b]?.weight ?? 0);
  }

  #swap(a: number, b: number): void {
    const first = this.#heap[a];
    const second = this.#heap[b];
    if (first === undefined || second === undefined) return;
    this.#heap[a] = second;
    this.#heap[b] = first;
    second.position = a;
    first.position = b;
  }
}

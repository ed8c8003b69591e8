/**
 * The simulation's agenda: actions ordered by time, ties in the order they were scheduled (so a
 * connection's segments scheduled for the same instant keep their order). A binary heap.
 */

interface Entry {
  readonly time: number;
  readonly order: number;
  readonly action: () => void;
}

export class EventQueue {
  readonly #heap: Entry[] = [];
  #scheduled = 0;

  get size(): number {
    return this.#heap.length;
  }

  push(time: number, action: () => void): void {
    const heap = this.#heap;
    const entry = { time, order: this.#scheduled++, action };
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent];
      if (above === undefined || !earlier(entry, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = entry;
  }

  /** The earliest entry, removed; undefined when empty. */
  pop(): { time: number; action: () => void } | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const leftEntry = heap[left];
      const rightEntry = heap[right];
      if (leftEntry === undefined) break;
      const child = rightEntry !== undefined && earlier(rightEntry, leftEntry) ? right : left;
      const childEntry = child === right ? rightEntry : leftEntry;
      if (childEntry === undefined || !earlier(childEntry, last)) break;
      heap[i] = childEntry;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function earlier(a: Entry, b: Entry): boolean {
  return a.time < b.time || (a.time === b.time && a.order < b.order);
}

/**
 * Flow slots in order of their last packet, least recent first: an intrusive doubly linked list
 * over one Int32Array (no node objects), a slot's two links side by side so touching it reads one
 * cache line. Moving a flow to the back on each packet and taking expired or evicted flows from the
 * front are O(1), so idle expiry and eviction never scan the table.
 *
 * Capture time mostly rises, so "last touched" order is "last seen" order. Where timestamps step back
 * (pcapng interfaces interleaved, clock steps) the order is by arrival instead; expiry then closes a
 * flow a little late, never early, because it stops at the first flow that is not yet idle.
 */

const NONE = -1;

export class RecencyList {
  /** [2 * slot] = previous (less recent) slot, [2 * slot + 1] = next (more recent) slot. */
  private links: Int32Array;
  /** Least recently touched slot, or -1 when empty. */
  head = NONE;
  /** Most recently touched slot, or -1 when empty. */
  tail = NONE;

  constructor(capacity: number) {
    this.links = new Int32Array(2 * capacity);
  }

  /** Keeps the links and makes room for slots up to `capacity` − 1. */
  grow(capacity: number): void {
    const links = new Int32Array(2 * capacity);
    links.set(this.links);
    this.links = links;
  }

  /** Appends `slot`, which must not be in the list, as the most recent. */
  push(slot: number): void {
    const links = this.links;
    links[2 * slot] = this.tail;
    links[2 * slot + 1] = NONE;
    if (this.tail === NONE) this.head = slot;
    else links[2 * this.tail + 1] = slot;
    this.tail = slot;
  }

  /** Moves `slot`, which must be in the list, to the back (most recent). */
  touch(slot: number): void {
    if (slot === this.tail) return; // the common case: a burst of packets of one flow
    this.remove(slot);
    this.push(slot);
  }

  /** Unlinks `slot`, which must be in the list. */
  remove(slot: number): void {
    const links = this.links;
    const before = links[2 * slot] ?? NONE;
    const after = links[2 * slot + 1] ?? NONE;
    if (before === NONE) this.head = after;
    else links[2 * before + 1] = after;
    if (after === NONE) this.tail = before;
    else links[2 * after] = before;
  }

  /** The slot after `slot` (more recent), or -1. */
  after(slot: number): number {
    return this.links[2 * slot + 1] ?? NONE;
  }

  /** Every slot, least recent first. */
  *slots(): IterableIterator<number> {
    for (let slot = this.head; slot !== NONE; slot = this.after(slot)) yield slot;
  }
}

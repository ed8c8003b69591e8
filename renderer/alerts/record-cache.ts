/**
 * The records of the rows in sight, kept by id with a bounded memory: scrolling back over rows
 * seen a moment ago reads nothing, a jump reads only the window's missing records in one call,
 * and after a write the window is read again whole (one bounded read) so an acknowledged alert's
 * row changes at once without the view's query running again.
 */

export interface Keyed {
  readonly id: string;
}

export class RecordCache<T extends Keyed> {
  // A Map keeps insertion order: the first entries are the least recently used.
  private readonly records = new Map<string, T>();
  /** Ids known to be stored no more (deleted, pruned), so they are not asked for again and again. */
  private readonly missing = new Set<string>();
  /** Bumped by each refresh: a load read before it may hold records older than the write. */
  private generation = 0;

  /**
   * @param read reads records by id, in the order asked (undefined for one not stored)
   * @param capacity records kept at most; the window in sight always fits
   */
  constructor(
    private readonly read: (ids: readonly string[]) => Promise<readonly (T | undefined)[]>,
    private readonly capacity = 2_000,
  ) {}

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  get size(): number {
    return this.records.size;
  }

  /** Reads the records of `ids` not yet kept, in one call; false when all were kept already. */
  async load(ids: readonly string[]): Promise<boolean> {
    const wanted = ids.filter((id) => !this.records.has(id) && !this.missing.has(id));
    for (const id of ids) this.touch(id);
    if (wanted.length === 0) return false;
    const generation = this.generation;
    const found = await this.read(wanted);
    // A write came between: the caller's next load reads these again, fresh.
    if (generation !== this.generation) return false;
    this.keep(wanted, found);
    this.trim(ids.length);
    return true;
  }

  /**
   * After a write: reads `ids` (the window in sight) again and forgets every other record, which
   * may have changed too. Rows keep showing their old record until the new one is here.
   */
  async refresh(ids: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    const fresh = await this.read(ids);
    if (generation !== this.generation) return;
    this.records.clear();
    this.missing.clear();
    this.keep(ids, fresh);
  }

  private keep(ids: readonly string[], found: readonly (T | undefined)[]): void {
    ids.forEach((id, index) => {
      const record = found[index];
      if (record === undefined) {
        this.records.delete(id);
        this.missing.add(id);
      } else {
        this.records.set(id, record);
        this.missing.delete(id);
      }
    });
  }

  private touch(id: string): void {
    const record = this.records.get(id);
    if (record === undefined) return;
    this.records.delete(id);
    this.records.set(id, record);
  }

  /** Drops the least recently used records beyond the capacity (never the `inSight` newest). */
  private trim(inSight: number): void {
    const limit = Math.max(this.capacity, inSight);
    for (const id of this.records.keys()) {
      if (this.records.size <= limit) break;
      this.records.delete(id);
    }
    if (this.missing.size > limit) this.missing.clear();
  }
}

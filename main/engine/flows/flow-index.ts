/**
 * The flow table's hash index: open addressing with linear probing over one Int32Array of
 * (slot + 1, hash) pairs; slot 0 means empty. The pairs carry the 32-bit hash so a probe rejects
 * other flows without leaving the index, and only a hash match reads the key, which lives at the
 * start of the flow's row (flow-layout.ts) — the row the update reads next anyway. That makes a
 * lookup two dependent memory accesses (index, row) where separate key and hash arrays made four;
 * with 100k flows and no locality those misses are most of the cost (measure-flow-table.ts).
 *
 * Deletion shifts later entries of the probe run back (Knuth, TAOCP vol. 3, §6.4, Algorithm R)
 * instead of leaving tombstones, so probe runs never silt up on a long capture with churning flows.
 * The table is kept at most half full, where linear probing averages about 1.5 probes for a hit
 * and 2.5 for a miss (Knuth's estimates, same section).
 *
 * Why not a Map: measure-flow-table.ts times all three on 2M packets over 10k–100k flows. A
 * Map<string> builds a string per packet (CICFlowMeter's way) and was 3–6× slower; a Map<number>
 * keyed by the hash needs an array per flow for collision chains and hashes the number again, and
 * was 1.2–1.9× slower even with its keys in a compact array of their own.
 */
import { isReverseKey, isSameKey } from './flow-key';
import { ROW, ROW_SLOTS } from './flow-layout';

/** find() found nothing. */
export const NOT_FOUND = -1;

export class FlowIndex {
  /** Pairs: [2i] = slot + 1 (0 = empty), [2i + 1] = the slot's hash (as int32). */
  private table: Int32Array;
  private mask: number;

  /** `capacity`: the most flows that will be indexed before the next grow(). */
  constructor(capacity: number) {
    this.table = new Int32Array(2 * tableSize(capacity));
    this.mask = this.table.length / 2 - 1;
  }

  /**
   * The slot whose row in `rows` holds `key` or its reverse, as slot * 2 + 1 when the packet runs
   * backward (its source is the flow's responder) or slot * 2 when forward; NOT_FOUND when none.
   */
  find(key: Uint32Array, hash: number, rows: Float64Array): number {
    const table = this.table;
    const mask = this.mask;
    const tag = hash | 0;
    let position = hash & mask;
    for (;;) {
      const entry = table[2 * position] ?? 0;
      if (entry === 0) return NOT_FOUND;
      if (table[2 * position + 1] === tag) {
        const slot = entry - 1;
        const offset = slot * ROW_SLOTS + ROW.KEY;
        if (isSameKey(rows, offset, key)) return slot * 2;
        if (isReverseKey(rows, offset, key)) return slot * 2 + 1;
      }
      position = (position + 1) & mask;
    }
  }

  /** Indexes `slot` under `hash`. The caller keeps the count within the capacity given. */
  insert(slot: number, hash: number): void {
    const table = this.table;
    const mask = this.mask;
    let position = hash & mask;
    while ((table[2 * position] ?? 0) !== 0) position = (position + 1) & mask;
    table[2 * position] = slot + 1;
    table[2 * position + 1] = hash | 0;
  }

  /** Removes `slot` (indexed under `hash`); later entries of its probe run move back to fill the gap. */
  remove(slot: number, hash: number): void {
    const table = this.table;
    const mask = this.mask;
    let hole = hash & mask;
    for (;;) {
      const entry = table[2 * hole] ?? 0;
      if (entry === slot + 1) break;
      if (entry === 0) return; // not indexed: nothing to remove
      hole = (hole + 1) & mask;
    }
    let position = hole;
    for (;;) {
      position = (position + 1) & mask;
      const entry = table[2 * position] ?? 0;
      if (entry === 0) break;
      const entryHash = table[2 * position + 1] ?? 0;
      const home = entryHash & mask;
      // The entry may move into the hole only if its home is not cyclically within (hole, position].
      const stays = hole <= position ? hole < home && home <= position : hole < home || home <= position;
      if (stays) continue;
      table[2 * hole] = entry;
      table[2 * hole + 1] = entryHash;
      hole = position;
    }
    table[2 * hole] = 0;
  }

  /** Reallocates for `capacity` flows, re-inserting every entry from its stored hash. */
  grow(capacity: number): void {
    const old = this.table;
    this.table = new Int32Array(2 * tableSize(capacity));
    this.mask = this.table.length / 2 - 1;
    for (let i = 0; i < old.length; i += 2) {
      const entry = old[i] ?? 0;
      if (entry !== 0) this.insert(entry - 1, old[i + 1] ?? 0);
    }
  }
}

/** The smallest power of two holding `capacity` entries at load ≤ 0.5. */
function tableSize(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

import { describe, expect, it } from 'vitest';
import { FlowIndex, NOT_FOUND } from './flow-index';
import { flowKeyHash, KEY_WORDS, storeKey } from './flow-key';
import { ROW, ROW_SLOTS } from './flow-layout';
import { randomInt, seededRandom } from '../../../common/seeded-random';

interface Fixture {
  readonly keys: Uint32Array[];
  readonly hashes: number[];
  readonly rows: Float64Array;
}

/**
 * Keys differing only in the source port, stored in their slots' rows. `hashBits` lets only that
 * many low hash bits vary, forcing collisions: long probe runs that wrap, the hard case for deletion.
 */
function fixture(count: number, hashBits = 32): Fixture {
  const rows = new Float64Array(count * ROW_SLOTS);
  const keys: Uint32Array[] = [];
  const hashes: number[] = [];
  for (let slot = 0; slot < count; slot++) {
    const key = new Uint32Array(KEY_WORDS);
    key[0] = 0x0a000001;
    key[4] = 0x0a000002;
    key[8] = ((slot << 16) | 80) >>> 0;
    key[9] = (4 << 8) | 6;
    storeKey(rows, slot * ROW_SLOTS + ROW.KEY, key, false);
    keys.push(key);
    // Setting every other bit puts the homes at the very end of the table, so probe runs wrap to 0.
    const hash = flowKeyHash(key);
    hashes.push(hashBits === 32 ? hash : (hash | ~((1 << hashBits) - 1)) >>> 0);
  }
  return { keys, hashes, rows };
}

describe('FlowIndex', () => {
  it('should find every indexed key after random inserts and removals, with heavy collisions', () => {
    const count = 24;
    const { keys, hashes, rows } = fixture(count, 3);
    const index = new FlowIndex(count);
    const live = new Set<number>();
    const random = seededRandom(99);
    const wrong: { round: number; probe: number; found: number }[] = [];
    for (let round = 0; round < 5000; round++) {
      const slot = randomInt(random, count);
      const hash = hashes[slot] ?? 0;
      if (live.has(slot)) {
        index.remove(slot, hash);
        live.delete(slot);
      } else {
        index.insert(slot, hash);
        live.add(slot);
      }
      for (let probe = 0; probe < count; probe++) {
        const found = index.find(keys[probe] ?? new Uint32Array(KEY_WORDS), hashes[probe] ?? 0, rows);
        if (found !== (live.has(probe) ? probe * 2 : NOT_FOUND)) wrong.push({ round, probe, found });
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]); // the first few, so a failure prints quickly
  });

  it('should report a reversed key as the same slot, backward', () => {
    const { hashes, rows } = fixture(1);
    const index = new FlowIndex(1);
    index.insert(0, hashes[0] ?? 0);
    const reversed = new Uint32Array(KEY_WORDS);
    reversed[0] = 0x0a000002;
    reversed[4] = 0x0a000001;
    reversed[8] = 80 << 16; // source port 80, destination port 0 (slot 0's source port)
    reversed[9] = (4 << 8) | 6;
    expect(index.find(reversed, hashes[0] ?? 0, rows)).toBe(1);
  });

  it('should keep every entry when it grows', () => {
    const { keys, hashes, rows } = fixture(40);
    const index = new FlowIndex(8);
    for (let slot = 0; slot < 8; slot += 2) index.insert(slot, hashes[slot] ?? 0);
    index.grow(40);
    for (let slot = 8; slot < 40; slot += 2) index.insert(slot, hashes[slot] ?? 0);
    for (let slot = 0; slot < 40; slot++) {
      const found = index.find(keys[slot] ?? new Uint32Array(KEY_WORDS), hashes[slot] ?? 0, rows);
      expect(found).toBe(slot % 2 === 0 ? slot * 2 : NOT_FOUND);
    }
  });
});

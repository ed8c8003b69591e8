import { describe, expect, it } from 'vitest';
import { addStat, clearStats, combineStats, readStats, STAT_SLOTS } from './running-stats';
import { seededRandom } from '../../../common/seeded-random';

/** Two-pass reference: mean first, then the sample variance around it. */
function reference(values: readonly number[]): { mean: number; std: number; min: number; max: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const m2 = values.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, std: Math.sqrt(m2 / (values.length - 1)), min: Math.min(...values), max: Math.max(...values) };
}

describe('running stats', () => {
  it('should match a two-pass computation, including around a large offset', () => {
    const random = seededRandom(7);
    // A large common offset is where the naive Σx² − n·mean² formula loses every digit.
    const values = Array.from({ length: 1000 }, () => 1e9 + random() * 10);
    const store = new Float64Array(STAT_SLOTS);
    clearStats(store, 0);
    for (const value of values) addStat(store, 0, value);
    const expected = reference(values);
    const got = readStats(store, 0);
    expect(got.count).toBe(1000);
    expect(got.mean).toBeCloseTo(expected.mean, 4); // both lose digits near 1e9; the spread is what matters
    expect(got.std).toBeCloseTo(expected.std, 6);
    expect([got.min, got.max]).toEqual([expected.min, expected.max]);
  });

  it('should combine two blocks into the statistics of all their values (Chan et al.)', () => {
    const a = [3, 9, 27];
    const b = [1, 2, 4, 8];
    const store = new Float64Array(2 * STAT_SLOTS);
    clearStats(store, 0);
    clearStats(store, STAT_SLOTS);
    for (const value of a) addStat(store, 0, value);
    for (const value of b) addStat(store, STAT_SLOTS, value);
    const combined = combineStats(store, 0, STAT_SLOTS);
    const expected = reference([...a, ...b]);
    expect(combined.count).toBe(7);
    expect(combined.mean).toBeCloseTo(expected.mean, 12);
    expect(combined.std).toBeCloseTo(expected.std, 12);
    expect([combined.min, combined.max]).toEqual([1, 27]);
  });

  it('should report an empty block as zeros and one value with std 0', () => {
    const store = new Float64Array(2 * STAT_SLOTS);
    clearStats(store, 0);
    clearStats(store, STAT_SLOTS);
    expect(readStats(store, 0)).toEqual({ count: 0, min: 0, max: 0, mean: 0, std: 0 });
    expect(combineStats(store, 0, STAT_SLOTS)).toEqual({ count: 0, min: 0, max: 0, mean: 0, std: 0 });
    addStat(store, STAT_SLOTS, 42);
    expect(combineStats(store, 0, STAT_SLOTS)).toEqual({ count: 1, min: 42, max: 42, mean: 42, std: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import { SpaceSaving } from './space-saving';

describe('SpaceSaving', () => {
  it('should count exactly while distinct keys fit', () => {
    const top = new SpaceSaving<string>(10);
    top.add('a', 100, 1);
    top.add('b', 300, 2);
    top.add('a', 50, 1);
    expect(top.top(5)).toEqual([
      { key: 'b', weight: 300, count: 2, error: 0 },
      { key: 'a', weight: 150, count: 2, error: 0 },
    ]);
  });

  it('should keep the heavy hitters of a stream far larger than its capacity', () => {
    const top = new SpaceSaving<number>(64);
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    // Three elephants among 200,000 mice, each elephant carrying 5% of the weight.
    for (let i = 0; i < 200_000; i++) {
      top.add(100_000 + Math.floor(random() * 1_000_000), 1);
      if (i % 20 === 0) {
        top.add(1, 1);
        top.add(2, 1);
        top.add(3, 1);
      }
    }
    expect(top.size).toBe(64);
    const keys = top.top(3).map((hitter) => hitter.key);
    expect(keys.sort()).toEqual([1, 2, 3]);
    for (const hitter of top.top(3)) {
      // The guarantee: the true weight lies within [weight - error, weight].
      expect(hitter.weight - hitter.error).toBeLessThanOrEqual(10_000);
      expect(hitter.weight).toBeGreaterThanOrEqual(10_000);
    }
  });

  it('should refuse a capacity of zero', () => {
    expect(() => new SpaceSaving(0)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { DistinctCounter, DistinctSet, DistinctWindow } from './distinct-counter';

describe('DistinctCounter', () => {
  it('should count distinct values per key', () => {
    const counter = new DistinctCounter<string, number>({ windowSeconds: 10, maxKeys: 10, maxValuesPerKey: 100 });
    counter.add('a', 80, 1);
    counter.add('a', 80, 2);
    counter.add('a', 443, 3);
    const set = counter.add('b', 22, 3);
    expect(counter.peek('a')?.size).toBe(2);
    expect(set.size).toBe(1);
    expect(counter.peek('a')?.top(1)).toEqual([80]);
    expect(counter.peek('a')?.sample(5)).toEqual([80, 443]);
    expect(counter.peek('a')?.events).toBe(3);
    expect(counter.peek('a')?.firstSeen).toBe(1);
  });

  it('should forget values not seen within the window', () => {
    const counter = new DistinctCounter<number, number>({ windowSeconds: 10, maxKeys: 10, maxValuesPerKey: 100 });
    for (let port = 1; port <= 5; port++) counter.add(1, port, port);
    const set = counter.add(1, 99, 14);
    // Ports 1..3 were last seen more than 10 s before t=14; 4, 5 and 99 remain.
    expect(set.sample(10)).toEqual([4, 5, 99]);
  });

  it('should saturate at the cap per key and count the overflow', () => {
    const counter = new DistinctCounter<number, number>({ windowSeconds: 100, maxKeys: 10, maxValuesPerKey: 50 });
    let set = counter.add(1, 0, 0);
    for (let port = 1; port < 1000; port++) set = counter.add(1, port, 1);
    expect(set.size).toBe(50);
    expect(set.overflow).toBe(950);
  });

  it('should keep its key table bounded', () => {
    const counter = new DistinctCounter<number, number>({ windowSeconds: 10, maxKeys: 64, maxValuesPerKey: 4 });
    for (let key = 0; key < 5000; key++) counter.add(key, 1, 1);
    expect(counter.table.size).toBe(64);
    expect(counter.evictions).toBe(5000 - 64);
  });

  it('should apply the same window to a set kept by the caller', () => {
    const window = new DistinctWindow<number>(10, 3);
    const set = new DistinctSet<number>();
    window.add(set, 1, 0);
    window.add(set, 2, 1);
    window.add(set, 3, 2);
    window.add(set, 4, 3); // over the cap of 3
    expect(set.size).toBe(3);
    expect(set.overflow).toBe(1);
    window.add(set, 5, 30); // a window later: all expired, a fresh start
    expect(set.sample(5)).toEqual([5]);
    expect(set.firstSeen).toBe(30);
    expect(() => new DistinctWindow(0, 1)).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { BoundedMap } from './bounded-map';

describe('BoundedMap', () => {
  it('should evict the least recently used key and count evictions', () => {
    const evicted: string[] = [];
    const map = new BoundedMap<string, number>(2, (key) => evicted.push(key));
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1); // a is now the most recent
    map.set('c', 3);
    expect(evicted).toEqual(['b']);
    expect(map.evictions).toBe(1);
    expect(map.size).toBe(2);
    expect(map.has('b')).toBe(false);
    expect([...map.entries()].map(([key]) => key)).toEqual(['a', 'c']);
  });

  it('should not refresh recency on peek', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.peek('a')).toBe(1);
    map.set('c', 3);
    expect(map.has('a')).toBe(false);
  });

  it('should replace a value without evicting', () => {
    const map = new BoundedMap<number, number>(1);
    map.set(1, 1);
    map.set(1, 2);
    expect(map.get(1)).toBe(2);
    expect(map.evictions).toBe(0);
  });

  it('should stay at capacity under a million distinct keys', () => {
    const map = new BoundedMap<number, number>(1000);
    for (let key = 0; key < 1_000_000; key++) map.set(key, key);
    expect(map.size).toBe(1000);
    expect(map.evictions).toBe(999_000);
  });

  it('should refuse a capacity below one', () => {
    expect(() => new BoundedMap(0)).toThrow(RangeError);
  });
});

describe('BoundedMap slots', () => {
  it('should reuse deleted slots and keep recency order across growth', () => {
    const map = new BoundedMap<number, string>(3000);
    for (let key = 0; key < 2500; key++) map.set(key, `v${key}`);
    expect(map.delete(10)).toBe(true);
    expect(map.delete(10)).toBe(false);
    map.set(5000, 'new');
    expect(map.size).toBe(2500);
    expect(map.get(0)).toBe('v0'); // now most recent
    const keys = [...map.entries()].map(([key]) => key);
    expect(keys[0]).toBe(1);
    expect(keys.at(-2)).toBe(5000);
    expect(keys.at(-1)).toBe(0);
    expect(keys).not.toContain(10);
  });

  it('should evict in least-recent order after deletes and clear', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    map.set('b', 2);
    map.delete('a');
    map.set('c', 3);
    map.set('d', 4);
    expect([...map.entries()]).toEqual([
      ['c', 3],
      ['d', 4],
    ]);
    expect(map.evictions).toBe(1);
    map.clear();
    expect(map.size).toBe(0);
    map.set('e', 5);
    expect(map.peek('e')).toBe(5);
    expect(map.has('c')).toBe(false);
  });

  it('should stay exact when the most recent key is deleted, cleared or evicted', () => {
    const map = new BoundedMap<string, number>(2);
    map.set('a', 1);
    expect(map.get('a')).toBe(1);
    map.delete('a');
    expect(map.get('a')).toBeUndefined();
    map.set('b', 2);
    map.clear();
    expect(map.get('b')).toBeUndefined();
    const single = new BoundedMap<string, number>(1);
    single.set('x', 1);
    expect(single.get('x')).toBe(1);
    single.set('y', 2); // evicts x, the most recent until now
    expect(single.get('x')).toBeUndefined();
    expect(single.get('y')).toBe(2);
    map.set('p', 1);
    map.set('q', 2);
    expect(map.get('p')).toBe(1); // p becomes most recent, so q is evicted next
    map.set('r', 3);
    expect([...map.entries()].map(([key]) => key)).toEqual(['p', 'r']);
  });
});

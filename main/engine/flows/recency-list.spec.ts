import { describe, expect, it } from 'vitest';
import { RecencyList } from './recency-list';

describe('RecencyList', () => {
  it('should order slots by last touch and unlink from any position', () => {
    const list = new RecencyList(4);
    list.push(0);
    list.push(1);
    list.push(2);
    list.touch(0);
    expect([...list.slots()]).toEqual([1, 2, 0]);
    list.remove(2);
    expect([...list.slots()]).toEqual([1, 0]);
    list.remove(1);
    list.remove(0);
    expect([list.head, list.tail]).toEqual([-1, -1]);
  });

  it('should keep its links when it grows', () => {
    const list = new RecencyList(2);
    list.push(1);
    list.push(0);
    list.grow(8);
    list.push(7);
    list.touch(1);
    expect([...list.slots()]).toEqual([0, 7, 1]);
    expect(list.after(0)).toBe(7);
  });
});

import { describe, expect, it } from 'vitest';
import { WindowCounter } from './window-counter';

describe('WindowCounter', () => {
  it('should count events and weights within the window', () => {
    const counter = new WindowCounter<number>({ windowSeconds: 1, buckets: 10, maxKeys: 10 });
    for (let i = 0; i < 50; i++) counter.add(7, 100 + i * 0.01, 60);
    const tally = counter.add(7, 100.5, 60);
    expect(tally.count).toBe(51);
    expect(tally.sum).toBe(51 * 60);
    expect(tally.firstSeen).toBe(100);
    expect(tally.lastSeen).toBe(100.5);
  });

  it('should drop events older than the window', () => {
    const counter = new WindowCounter<string>({ windowSeconds: 1, buckets: 10, maxKeys: 10 });
    for (let i = 0; i < 10; i++) counter.add('k', 10.05 + i * 0.1);
    expect(counter.peek('k', 10.95)?.count).toBe(10);
    // At 11.55 the buckets holding 10.05 .. 10.55 have left the window.
    expect(counter.peek('k', 11.55)?.count).toBe(4);
    const later = counter.add('k', 30);
    expect(later.count).toBe(1);
    expect(later.firstSeen).toBe(30);
  });

  it('should count a slightly out-of-order packet in the newest bucket', () => {
    const counter = new WindowCounter<number>({ windowSeconds: 1, maxKeys: 10 });
    counter.add(1, 50);
    const tally = counter.add(1, 49.999);
    expect(tally.count).toBe(2);
    expect(tally.lastSeen).toBe(50);
  });

  it('should keep its key table bounded', () => {
    const counter = new WindowCounter<number>({ windowSeconds: 1, maxKeys: 100 });
    for (let key = 0; key < 10_000; key++) counter.add(key, 1);
    expect(counter.table.size).toBe(100);
    expect(counter.evictions).toBe(9_900);
  });
});

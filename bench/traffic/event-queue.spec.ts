import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';
import { Random } from './random';

describe('EventQueue', () => {
  it('should hand back actions in time order, ties in the order they were scheduled', () => {
    const queue = new EventQueue();
    const random = new Random(3);
    const expected: [number, number][] = [];
    for (let n = 0; n < 2000; n++) {
      const time = random.int(0, 50);
      expected.push([time, n]);
      queue.push(time, () => n);
    }
    const popped: number[] = [];
    for (let entry = queue.pop(); entry !== undefined; entry = queue.pop()) popped.push(entry.time);
    expect(popped).toEqual(expected.map(([time]) => time).sort((a, b) => a - b));
    expect(queue.size).toBe(0);
  });

  it('should keep ties in scheduling order', () => {
    const queue = new EventQueue();
    const order: string[] = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) queue.push(7, () => order.push(name));
    queue.push(1, () => order.push('first'));
    for (let entry = queue.pop(); entry !== undefined; entry = queue.pop()) entry.action();
    expect(order).toEqual(['first', 'a', 'b', 'c', 'd', 'e']);
  });
});

import { describe, expect, it } from 'vitest';
import { FrameBatchBuilder } from './frame-batch-builder';

describe('FrameBatchBuilder', () => {
  it('should grow past its capacity and hand out exact-size batches that later batches do not touch', () => {
    const builder = new FrameBatchBuilder(2);
    for (let n = 0; n < 5; n++) {
      const i = builder.add();
      builder.offsets[i] = n * 10;
      builder.seconds[i] = 1_700_000_000 + n;
    }
    const data = new Uint8Array(64);
    const first = builder.take(data);
    expect(first.count).toBe(5);
    expect(first.data).toBe(data);
    expect([...first.offsets]).toEqual([0, 10, 20, 30, 40]);
    expect(first.seconds.length).toBe(5);
    builder.offsets[builder.add()] = 99;
    const second = builder.take(data);
    expect([...second.offsets]).toEqual([99]);
    expect(first.offsets[0]).toBe(0);
  });
});

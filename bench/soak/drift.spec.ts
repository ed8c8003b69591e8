import { describe, expect, it } from 'vitest';
import { afterWarmUp, slope } from './drift';
import { parentOf } from './process-memory';

describe('soak drift', () => {
  it('should give the least-squares slope, unmoved by one spike', () => {
    const flat = Array.from({ length: 11 }, (_item, i) => ({ seconds: i * 60, value: i === 5 ? 500 : 100 }));
    expect(slope(flat)).toBeCloseTo(0, 6);
    const growing = Array.from({ length: 11 }, (_item, i) => ({ seconds: i * 60, value: 100 + i * 6 }));
    expect(slope(growing)).toBeCloseTo(0.1, 6);
  });

  it('should say nothing moved with fewer than two times', () => {
    expect(slope([])).toBe(0);
    expect(
      slope([
        { seconds: 5, value: 1 },
        { seconds: 5, value: 9 },
      ]),
    ).toBe(0);
  });

  it('should keep the samples after the warm-up', () => {
    const samples = [0, 10, 20, 30, 40].map((seconds) => ({ seconds, value: seconds }));
    expect(afterWarmUp(samples).map((sample) => sample.seconds)).toEqual([20, 30, 40]);
  });
});

describe('/proc parsing', () => {
  it('should read the parent pid even when the command holds spaces and parentheses', () => {
    expect(parentOf('4242 (node (worker) x) S 17 4242 4242 0 -1')).toBe(17);
  });
});

import { describe, expect, it } from 'vitest';
import { FloodMeter } from './flood-meter';

describe('FloodMeter', () => {
  it('should count packets, bytes and sources per target', () => {
    const meter = new FloodMeter({ windowSeconds: 5, maxTargets: 8, maxSourcesPerTarget: 4 });
    for (let i = 0; i < 10; i++) meter.add(1, 100 + i, 10 + i * 0.1, 100);
    const tally = meter.add(1, 100, 11, 100);
    expect(tally.count).toBe(11);
    expect(tally.sum).toBe(1100);
    expect(meter.sourcesOf(1)?.size).toBe(4);
    expect(meter.sourcesOf(1)?.overflow).toBe(6);
  });

  it('should record sources only once the target is busy', () => {
    const meter = new FloodMeter({ windowSeconds: 5, maxTargets: 8, maxSourcesPerTarget: 64, sourcesFromCount: 5 });
    for (let i = 0; i < 4; i++) meter.add(1, 100 + i, 10, 60);
    expect(meter.sourcesOf(1)).toBeUndefined();
    expect(meter.isBusy(1)).toBe(false);
    meter.add(1, 200, 10, 60);
    meter.add(1, 201, 10, 60);
    expect(meter.sourcesOf(1)?.top(5)).toEqual([200, 201]);
    expect(meter.isBusy(1)).toBe(true);
    expect(meter.isBusy(2)).toBe(false);
  });

  it('should stay bounded under a million spoofed targets', () => {
    const meter = new FloodMeter({ windowSeconds: 5, maxTargets: 1000, maxSourcesPerTarget: 4 });
    for (let i = 0; i < 1_000_000; i++) meter.add(i, i, 10 + i * 1e-6, 60);
    expect(meter.traffic.table.size).toBe(1000);
    expect(meter.sources.table.size).toBe(1000);
    expect(meter.traffic.evictions).toBe(999_000);
  }, 30_000);
});

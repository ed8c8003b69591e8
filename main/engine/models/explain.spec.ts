// Explanations: which features moved a score, against the baseline, by occlusion or by deviation.
import { describe, expect, it } from 'vitest';
import { describeContributions, describeDeviations, occlusionRows, topContributions } from './explain';
import type { ModelManifest } from './model-manifest';

const manifest = {
  features: [
    { name: 'fwd_packets', scaling: 'log1p' },
    { name: 'dst_port', scaling: 'identity' },
    { name: 'syn_count', scaling: 'log1p' },
  ],
  baseline: { description: 'x', p05: [2, 22, 0], median: [10, 80, 1], p95: [100, 443, 2] },
} as unknown as ModelManifest;

describe('explanations', () => {
  it('should build one copy of a row per feature with that feature set to the baseline', () => {
    const rows = Float32Array.from([1, 2, 3, 7, 8, 9]);
    const out = occlusionRows(rows, 3, [1], Float32Array.from([0, 0, 0]));
    expect(Array.from(out)).toEqual([0, 8, 9, 7, 0, 9, 7, 8, 0]);
  });

  it('should keep the features whose reset lowered the score most, largest first', () => {
    const contributions = topContributions(0.8, Float64Array.from([0.7, 0.85, 0.4, 0.79]));
    expect(contributions.map((c) => c.feature)).toEqual([2, 0, 3]);
    expect(contributions[0]?.delta).toBeCloseTo(0.4);
  });

  it('should show the values against the baseline median and range', () => {
    const [first] = describeContributions(manifest, [{ feature: 1, delta: 0.25 }], [1, 31337, 1]);
    expect(first).toEqual({
      feature: 'dst_port',
      value: 31337,
      baselineMedian: 80,
      baselineP05: 22,
      baselineP95: 443,
      scoreDelta: 0.25,
      method: 'occlusion',
    });
  });

  it('should rank features by distance from the baseline when occlusion moved nothing', () => {
    const explained = describeDeviations(manifest, [10, 80, 500]);
    expect(explained.map((entry) => entry.feature)).toEqual(['syn_count']);
    expect(explained[0]?.method).toBe('deviation');
  });
});

/**
 * The baseline a model's explanations compare against: per feature, the 5th percentile, median and
 * 95th percentile of the normal flows it learnt from, in the flow's own units.
 */
import type { ModelManifest } from './model-manifest';
import { quantile } from './flow-groups';
import { unscaleValue, type ModelFeature } from './model-features';

/** Quantiles of the chosen rows' (scaled) features, reported unscaled. */
export function baselineOf(
  rows: Float32Array,
  width: number,
  chosen: readonly number[],
  features: readonly ModelFeature[],
  description: string,
): ModelManifest['baseline'] {
  const p05: number[] = [];
  const median: number[] = [];
  const p95: number[] = [];
  const column = new Float64Array(chosen.length);
  features.forEach((feature, f) => {
    chosen.forEach((row, i) => (column[i] = rows[row * width + f] ?? 0));
    const at = (q: number): number => roundTo(unscaleValue(quantile(column, q), feature.scaling));
    p05.push(at(0.05));
    median.push(at(0.5));
    p95.push(at(0.95));
  });
  return { description, p05, median, p95 };
}

/** Six significant digits: enough for a baseline, and stable text in the manifest. */
export function roundTo(value: number, digits = 6): number {
  return Number.isFinite(value) ? Number(value.toPrecision(digits)) : 0;
}

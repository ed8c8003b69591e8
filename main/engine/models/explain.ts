/**
 * Why a model flagged a flow, by occlusion: set one feature at a time to its baseline median (the
 * normal flows' median, from the manifest) and score again; the features whose replacement lowers
 * the score most are the ones that made the flow stand out. Works for any model with a manifest,
 * the user's own included, since it needs only the model's scores, not its insides.
 */
import type { FeatureContribution } from '../worker/inference-messages';
import { scaleValue } from './model-features';
import type { ModelManifest } from './model-manifest';

/** Contributions kept per explanation. */
export const TOP_FEATURES = 3;

/** For each chosen row, `width` copies with feature f (of copy f) set to the baseline. */
export function occlusionRows(
  rows: Float32Array,
  width: number,
  chosen: readonly number[],
  baseline: Float32Array,
): Float32Array {
  const out = new Float32Array(chosen.length * width * width);
  chosen.forEach((row, k) => {
    const source = rows.subarray(row * width, (row + 1) * width);
    for (let f = 0; f < width; f++) {
      const at = (k * width + f) * width;
      out.set(source, at);
      out[at + f] = baseline[f] ?? 0;
    }
  });
  return out;
}

/** The features whose occlusion lowered the score most (only those that lowered it), largest first. */
export function topContributions(own: number, without: Float64Array): FeatureContribution[] {
  const all: FeatureContribution[] = [];
  without.forEach((score, feature) => {
    const delta = own - score;
    if (delta > 0) all.push({ feature, delta });
  });
  return all.sort((a, b) => b.delta - a.delta || a.feature - b.feature).slice(0, TOP_FEATURES);
}

/** One contribution as an alert's evidence shows it: the flow's value against the baseline. */
export interface ExplainedFeature {
  readonly feature: string;
  readonly value: number;
  readonly baselineMedian: number;
  readonly baselineP05: number;
  readonly baselineP95: number;
  /** How much the score fell when this feature was set to the baseline median (occlusion); null for a deviation. */
  readonly scoreDelta: number | null;
  /** occlusion: the model was asked; deviation: distance from the baseline median in units of its 5–95 % range. */
  readonly method: 'occlusion' | 'deviation';
}

/** Contributions with names and values, for an alert's evidence. */
export function describeContributions(
  manifest: ModelManifest,
  contributions: readonly FeatureContribution[],
  rawValues: readonly number[],
): ExplainedFeature[] {
  return contributions.map(({ feature, delta }) => ({
    feature: manifest.features[feature]?.name ?? `#${feature}`,
    value: round(rawValues[feature] ?? 0),
    baselineMedian: manifest.baseline.median[feature] ?? 0,
    baselineP05: manifest.baseline.p05[feature] ?? 0,
    baselineP95: manifest.baseline.p95[feature] ?? 0,
    scoreDelta: round(delta, 4),
    method: 'occlusion',
  }));
}

/**
 * The features farthest from the baseline, in units of the baseline's 5–95 % range (on the
 * feature's scale, so a byte count is compared in orders of magnitude): the fallback explanation.
 */
export function describeDeviations(manifest: ModelManifest, rawValues: readonly number[]): ExplainedFeature[] {
  const ranked = manifest.features.map((feature, f) => {
    const scaled = (value: number): number => scaleValue(value, feature.scaling);
    const low = scaled(manifest.baseline.p05[f] ?? 0);
    const high = scaled(manifest.baseline.p95[f] ?? 0);
    const spread = Math.max(high - low, 1e-6);
    const distance = Math.abs(scaled(rawValues[f] ?? 0) - scaled(manifest.baseline.median[f] ?? 0)) / spread;
    return { f, distance };
  });
  return (
    ranked
      // The protocol is a category, not a magnitude: "17 against 6" says nothing a reader can use.
      .filter((entry) => entry.distance > 0 && manifest.features[entry.f]?.name !== 'protocol')
      .sort((a, b) => b.distance - a.distance || a.f - b.f)
      .slice(0, TOP_FEATURES)
      .map(({ f }) => ({
        feature: manifest.features[f]?.name ?? `#${f}`,
        value: round(rawValues[f] ?? 0),
        baselineMedian: manifest.baseline.median[f] ?? 0,
        baselineP05: manifest.baseline.p05[f] ?? 0,
        baselineP95: manifest.baseline.p95[f] ?? 0,
        scoreDelta: null,
        method: 'deviation',
      }))
  );
}

/** Counts and ports stay exact; measured values keep 6 significant digits, deltas 4. */
function round(value: number, digits = 6): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(digits));
}

/**
 * A model's explanation of an alert, read from its evidence: which features made the flows stand
 * out, their values, and the baseline they are compared with (the 5th percentile, median and 95th
 * percentile of the normal traffic the model learnt, from its manifest). A model's own alert
 * carries `topFeatures`; a rule's alert that a model corroborated carries it under
 * `evidence.models["model:<name>"]` (see main/engine/models/explain.ts and incident-book.ts).
 */

export interface FeatureExplanation {
  readonly feature: string;
  readonly value: number | null;
  readonly median: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** How much the score fell with this feature set to the baseline median (occlusion), when known. */
  readonly scoreDelta: number | null;
  /** occlusion: the model was asked; deviation: distance from the median; null when not said. */
  readonly method: string | null;
}

export interface Explanation {
  /** `model:<name>` that explained it. */
  readonly model: string;
  readonly features: readonly FeatureExplanation[];
}

const LIST_KEYS = ['topFeatures', 'features', 'contributions'] as const;

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function feature(item: unknown): FeatureExplanation | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const name = record.feature ?? record.name;
  if (typeof name !== 'string') return undefined;
  return {
    feature: name,
    value: num(record.value),
    median: num(record.baselineMedian) ?? num(record.median),
    low: num(record.baselineP05) ?? num(record.p05),
    high: num(record.baselineP95) ?? num(record.p95),
    scoreDelta: num(record.scoreDelta) ?? num(record.contribution),
    method: typeof record.method === 'string' ? record.method : null,
  };
}

function fromEvidence(evidence: Readonly<Record<string, unknown>>, model: string): Explanation | null {
  for (const key of LIST_KEYS) {
    const list = evidence[key];
    if (!Array.isArray(list)) continue;
    const features = (list as unknown[]).map(feature).filter((item) => item !== undefined);
    if (features.length > 0) return { model, features };
  }
  return null;
}

/** Every model explanation an alert carries: its own (a model's alert), then corroborating models'. */
export function explanationsOf(detector: string, evidence: Readonly<Record<string, unknown>>): Explanation[] {
  const found: Explanation[] = [];
  const own = fromEvidence(evidence, detector);
  if (own !== null) found.push(own);
  const models = evidence.models;
  if (typeof models === 'object' && models !== null && !Array.isArray(models)) {
    for (const [name, nested] of Object.entries(models as Record<string, unknown>)) {
      if (typeof nested !== 'object' || nested === null) continue;
      const explanation = fromEvidence(nested as Record<string, unknown>, name);
      if (explanation !== null) found.push(explanation);
    }
  }
  return found;
}

function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Evidence fields as plain facts: everything but explanations (shown apart); lists joined. */
export function evidenceFacts(evidence: Readonly<Record<string, unknown>>): { key: string; value: string }[] {
  return Object.entries(evidence)
    .filter(([key]) => !(LIST_KEYS as readonly string[]).includes(key) && key !== 'models')
    .map(([key, value]) => ({ key, value: Array.isArray(value) ? value.map(text).join(', ') : text(value) }));
}

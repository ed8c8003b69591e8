/**
 * A model's manifest (`models/<name>.json`): what the ONNX file next to it expects and promises —
 * its input features in order and their scaling, its outputs, the threshold and how it was chosen,
 * what it learnt from (files and their sha256) and how well it did. Checked with valibot on load; a
 * manifest that does not match its ONNX model is refused (model-load.ts).
 */
import * as v from 'valibot';
import { ALERT_KINDS } from '../../../preload/api/alerts';
import { FLOW_FEATURES } from '../flows/flow-columns';

export const MANIFEST_FORMAT = 'wirewatch-model/1';

/** Columns a model may read: the numeric flow features plus the protocol and service port. */
export const MODEL_INPUT_NAMES = ['protocol', 'dst_port', ...FLOW_FEATURES.map((feature) => feature.name)] as const;

const Hex64 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be a lowercase sha256 in hex'));
const Finite = v.pipe(v.number(), v.finite());

export const ModelFeatureSchema = v.strictObject({
  name: v.picklist(MODEL_INPUT_NAMES, 'is not a flow feature (see main/engine/flows/flow-columns.ts)'),
  scaling: v.picklist(['log1p', 'identity']),
});

const BaselineSchema = v.strictObject({
  /** What the baseline is of, e.g. "2,109 benign flows of the lab corpus". */
  description: v.string(),
  /** Per feature, in the flow's own units (unscaled). */
  p05: v.array(Finite),
  median: v.array(Finite),
  p95: v.array(Finite),
});

const TrainingFileSchema = v.strictObject({
  name: v.string(),
  sha256: Hex64,
  flows: v.pipe(v.number(), v.integer(), v.minValue(0)),
  truthSha256: v.nullable(Hex64),
});

export const ModelManifestSchema = v.strictObject({
  format: v.literal(MANIFEST_FORMAT),
  name: v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'must be 1–64 of a-z, 0-9, _ and -')),
  /** anomaly: one score per flow (higher is stranger); classifier: a class and its probability per flow. */
  type: v.picklist(['anomaly', 'classifier']),
  description: v.string(),
  onnx: v.strictObject({
    /** The model file, beside the manifest. */
    file: v.pipe(v.string(), v.regex(/^[^/\\]+\.onnx$/, 'must be a file name ending in .onnx, in the same folder')),
    sha256: Hex64,
    input: v.string(),
    outputs: v.pipe(v.array(v.string()), v.minLength(1)),
  }),
  features: v.pipe(v.array(ModelFeatureSchema), v.minLength(1), v.maxLength(MODEL_INPUT_NAMES.length)),
  /** Classifier only: class names by index; 'benign' or an alert kind. */
  classes: v.optional(v.array(v.picklist(['benign', ...ALERT_KINDS]))),
  threshold: v.strictObject({
    /** A flow counts when its score (anomaly) or its attack class's probability (classifier) reaches this. */
    flowScore: Finite,
    /** A group (one source, or one target) alerts when this many of its flows count within the window. */
    minFlows: v.pipe(v.number(), v.integer(), v.minValue(1)),
    windowSeconds: v.pipe(v.number(), v.minValue(1)),
    /** How the numbers were chosen, in words, with the figures behind them. */
    method: v.string(),
  }),
  baseline: BaselineSchema,
  training: v.strictObject({
    description: v.string(),
    seed: v.number(),
    sha256: Hex64,
    flows: v.pipe(v.number(), v.integer(), v.minValue(0)),
    files: v.array(TrainingFileSchema),
    parameters: v.record(v.string(), v.union([v.number(), v.string()])),
  }),
  metrics: v.record(v.string(), v.unknown()),
});

export type ModelManifest = v.InferOutput<typeof ModelManifestSchema>;

/** Parses a manifest; the error names the first field that is wrong. */
export function parseManifest(value: unknown): ModelManifest {
  const parsed = v.safeParse(ModelManifestSchema, value);
  if (parsed.success) {
    const manifest = parsed.output;
    if (manifest.type === 'classifier' && (manifest.classes === undefined || manifest.classes.length < 2)) {
      throw new ManifestError('classes: a classifier lists at least two classes');
    }
    const width = manifest.features.length;
    for (const key of ['p05', 'median', 'p95'] as const) {
      if (manifest.baseline[key].length !== width) {
        throw new ManifestError(`baseline.${key}: has ${manifest.baseline[key].length} values for ${width} features`);
      }
    }
    return manifest;
  }
  const [issue] = parsed.issues;
  const where = issue.path?.map((item) => String(item.key)).join('.') ?? '(top level)';
  throw new ManifestError(`${where}: ${issue.message}`);
}

export class ManifestError extends Error {
  override name = 'ManifestError';
}

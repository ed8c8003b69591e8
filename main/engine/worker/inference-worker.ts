/**
 * Entry of the inference worker thread: holds one onnxruntime session per model and scores batches
 * of flow features, so inference never runs on the thread that reads packets, let alone Electron's
 * main thread. For the flows a model flags, it also says why (explain.ts).
 */
import { parentPort } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import { occlusionRows, topContributions } from '../models/explain';
import { scaleValue } from '../models/model-features';
import type { FromInferenceWorker, ModelVerdicts, ToInferenceWorker, WorkerModel } from './inference-messages';

const port = parentPort;
if (port === null) throw new Error('inference-worker must run in a worker thread');

/** Flagged flows explained per model and batch: the highest scoring; each costs one row per feature. */
export const EXPLAINED_PER_BATCH = 16;

interface Session {
  readonly model: WorkerModel;
  readonly session: ort.InferenceSession;
  readonly width: number;
  readonly scaledMedian: Float32Array;
  /** Classifier: index of 'benign'; -1 for anomaly models. */
  readonly benign: number;
}

let sessions: Session[] = [];
const send = (message: FromInferenceWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

/** Opens one session per model; a model onnxruntime will not run is left out and reported, the others load. */
async function load(models: readonly WorkerModel[]): Promise<void> {
  const loaded: Session[] = [];
  const refused: { name: string; message: string }[] = [];
  for (const model of models) {
    const { manifest } = model;
    let session: ort.InferenceSession;
    try {
      // One thread per session: the machine's cores belong to packet reading and the other analyses.
      session = await ort.InferenceSession.create(model.bytes, { intraOpNumThreads: 1, interOpNumThreads: 1 });
    } catch (error) {
      refused.push({ name: manifest.name, message: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (session.outputNames.join('\n') !== manifest.onnx.outputs.join('\n')) {
      refused.push({
        name: manifest.name,
        message: `onnxruntime sees outputs [${session.outputNames.join(', ')}], the manifest says [${manifest.onnx.outputs.join(', ')}]`,
      });
      await session.release();
      continue;
    }
    loaded.push({
      model,
      session,
      width: manifest.features.length,
      scaledMedian: Float32Array.from(manifest.features, (feature, f) =>
        scaleValue(manifest.baseline.median[f] ?? 0, feature.scaling),
      ),
      benign: manifest.type === 'classifier' ? (manifest.classes ?? []).indexOf('benign') : -1,
    });
  }
  sessions = loaded;
  send({ type: 'loaded', models: loaded.map((entry) => entry.model.manifest.name), refused });
}

/** Per row: the score the model's threshold applies to, and the class (classifiers). */
async function judge(
  entry: Session,
  rows: Float32Array,
  count: number,
): Promise<{ scores: Float32Array; classes: Int32Array; probabilities: Float32Array | null }> {
  const { manifest } = entry.model;
  const feeds = { [manifest.onnx.input]: new ort.Tensor('float32', rows, [count, entry.width]) };
  const output = await entry.session.run(feeds);
  if (manifest.type === 'anomaly') {
    const name = manifest.onnx.outputs[0] ?? '';
    const scores = Float32Array.from(output[name]?.data as Float32Array);
    return { scores, classes: new Int32Array(0), probabilities: null };
  }
  const probabilities = output[manifest.onnx.outputs[1] ?? '']?.data as Float32Array;
  const classCount = manifest.classes?.length ?? 0;
  const scores = new Float32Array(count);
  const classes = new Int32Array(count);
  for (let row = 0; row < count; row++) {
    let best = 0;
    for (let c = 1; c < classCount; c++) {
      if ((probabilities[row * classCount + c] ?? 0) > (probabilities[row * classCount + best] ?? 0)) best = c;
    }
    classes[row] = best;
    scores[row] = probabilities[row * classCount + best] ?? 0;
  }
  return { scores, classes, probabilities };
}

async function score(batch: number, inputs: readonly Float32Array[], count: number): Promise<void> {
  const verdicts: ModelVerdicts[] = [];
  for (const entry of sessions) {
    const rows = inputs[entry.model.input];
    if (rows === undefined) throw new Error(`batch ${batch} has no rows for ${entry.model.manifest.name}`);
    const { scores, classes } = await judge(entry, rows, count);
    const threshold = entry.model.manifest.threshold.flowScore;
    const flagged: number[] = [];
    for (let row = 0; row < count; row++) {
      const named = entry.benign < 0 || classes[row] !== entry.benign;
      if (named && (scores[row] ?? 0) >= threshold) flagged.push(row);
    }
    flagged.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0));
    const explained = flagged.slice(0, EXPLAINED_PER_BATCH);
    const explanations: ModelVerdicts['explanations'][number][] = [];
    if (explained.length > 0) {
      const occluded = occlusionRows(rows, entry.width, explained, entry.scaledMedian);
      const result = await judge(entry, occluded, explained.length * entry.width);
      explained.forEach((row, k) => {
        const own = scores[row] ?? 0;
        const cls = classes[row] ?? 0;
        const without = new Float64Array(entry.width);
        for (let f = 0; f < entry.width; f++) {
          const at = k * entry.width + f;
          const classCount = entry.model.manifest.classes?.length ?? 0;
          without[f] =
            result.probabilities === null
              ? (result.scores[at] ?? 0)
              : (result.probabilities[at * classCount + cls] ?? 0);
        }
        explanations.push({ row, contributions: topContributions(own, without) });
      });
    }
    verdicts.push({ model: entry.model.manifest.name, scores, classes, explanations });
  }
  send(
    { type: 'scored', batch, count, verdicts },
    verdicts.flatMap((verdict) => [verdict.scores.buffer as ArrayBuffer, verdict.classes.buffer as ArrayBuffer]),
  );
}

port.on('message', (message: ToInferenceWorker) => {
  if (message.type === 'load') {
    load(message.models).catch((error: unknown) =>
      send({ type: 'failed', batch: null, message: error instanceof Error ? error.message : String(error) }),
    );
  } else {
    score(message.batch, message.inputs, message.count).catch((error: unknown) =>
      send({ type: 'failed', batch: message.batch, message: error instanceof Error ? error.message : String(error) }),
    );
  }
});

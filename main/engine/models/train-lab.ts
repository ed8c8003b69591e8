/**
 * `npm run train`: rebuilds the shipped models from a lab corpus (e2e/lab/lab.sh's output), seeded,
 * so the same corpus gives byte-identical models. With a held-back corpus (another lab seed) the
 * manifests also carry how the models do on traffic they never saw.
 */
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildFlowDataset, type FlowDataset } from './flow-dataset';
import { busiestGroup, episodesReached } from './flow-groups';
import { anomalyScores } from './isolation-forest';
import { labCorpus } from './lab-corpus';
import { roundTo } from './model-baseline';
import { MODEL_FEATURES } from './model-features';
import { classProbabilities } from './random-forest';
import { trainAnomalyModel, type AnomalyTraining } from './train-anomaly';
import { trainClassifierModel, type ClassifierTraining } from './train-classifier';
import { writeModel } from './write-model';

export const LAB_ANOMALY = 'lab-anomaly';
export const LAB_CLASSIFIER = 'lab-classifier';
export const LAB_SEED = 1;

export interface TrainLabOptions {
  readonly corpus: string;
  readonly out: string;
  readonly heldout?: string;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export async function trainLabModels(options: TrainLabOptions): Promise<{ files: string[] }> {
  const log = options.log ?? (() => undefined);
  const seed = options.seed ?? LAB_SEED;
  let started = performance.now();
  const dataset = await buildFlowDataset(await labCorpus(options.corpus), MODEL_FEATURES);
  log(`read ${dataset.count} flows from ${dataset.files.length} captures in ${ms(started)}`);
  const corpusText = `lab corpus "${basename(options.corpus)}": ${dataset.files.length} captures of e2e/lab/lab.sh (${dataset.files.map((file) => file.name).join(', ')}), flows labelled from their truth files (main/engine/models/flow-labels.ts)`;

  started = performance.now();
  const anomaly = trainAnomalyModel(dataset, {
    name: LAB_ANOMALY,
    seed,
    description:
      'Isolation forest over 27 flow features, trained on the normal flows of the attack lab: flags sources or targets with many flows unlike the lab network’s normal traffic.',
    trainingDescription: `the normal (benign-labelled) flows of the ${corpusText}`,
  });
  log(`${LAB_ANOMALY}: ${anomaly.forest.trees.length} trees in ${ms(started)}, ${anomaly.onnx.length} bytes`);
  started = performance.now();
  const classifier = trainClassifierModel(dataset, {
    name: LAB_CLASSIFIER,
    seed,
    description:
      'Random forest over 27 flow features, trained on the labelled flows of the attack lab: names the attack a group of flows belongs to, with a probability.',
    trainingDescription: `the ${corpusText}`,
  });
  log(
    `${LAB_CLASSIFIER}: ${classifier.forest.trees.length} trees, ${classifier.classes.length} classes in ${ms(started)}, ${classifier.onnx.length} bytes`,
  );

  let models: [AnomalyTraining, ClassifierTraining] = [anomaly, classifier];
  if (options.heldout !== undefined) {
    const heldout = await buildFlowDataset(await labCorpus(options.heldout), MODEL_FEATURES);
    log(`held-back corpus: ${heldout.count} flows from ${heldout.files.length} captures`);
    models = [
      withHeldout(anomaly, heldoutAnomaly(anomaly, heldout, options.heldout)),
      withHeldout(classifier, heldoutClassifier(classifier, heldout, options.heldout)),
    ];
    log(`held back: ${JSON.stringify(models[0].manifest.metrics.heldout)}`);
    log(`held back: ${JSON.stringify(models[1].manifest.metrics.heldout)}`);
  }
  const files: string[] = [];
  for (const model of models) {
    const written = await writeModel(options.out, model);
    files.push(written.onnx, written.manifest);
  }
  return { files };
}

function ms(started: number): string {
  return `${Math.round(performance.now() - started)} ms`;
}

function withHeldout<T extends AnomalyTraining | ClassifierTraining>(model: T, heldout: Record<string, unknown>): T {
  return { ...model, manifest: { ...model.manifest, metrics: { ...model.manifest.metrics, heldout } } };
}

function heldoutDescription(dataset: FlowDataset, folder: string): Record<string, unknown> {
  return { corpus: basename(folder), captures: dataset.files.length, flows: dataset.count };
}

function heldoutAnomaly(model: AnomalyTraining, dataset: FlowDataset, folder: string): Record<string, unknown> {
  const { flowScore, minFlows, windowSeconds } = model.manifest.threshold;
  const scores = Float32Array.from(anomalyScores(model.forest, dataset.rows));
  const flagged = (row: number): boolean => (scores[row] ?? 0) >= flowScore;
  const isBenign = (row: number): boolean => dataset.labels[row] === 'benign';
  let benign = 0;
  let benignFlagged = 0;
  for (let row = 0; row < dataset.count; row++) {
    if (!isBenign(row)) continue;
    benign += 1;
    if (flagged(row)) benignFlagged += 1;
  }
  const busiest = busiestGroup(dataset, windowSeconds, flagged, isBenign);
  const episodes = episodesReached(dataset, windowSeconds, flagged, minFlows);
  return {
    ...heldoutDescription(dataset, folder),
    normalFlowsFlagged: roundTo(benign === 0 ? 0 : benignFlagged / benign, 4),
    busiestNormalGroup: busiest,
    normalGroupsAlerting: busiest >= minFlows ? 'yes' : 'none',
    attackEpisodesReached: `${episodes.reached}/${episodes.total}`,
  };
}

function heldoutClassifier(model: ClassifierTraining, dataset: FlowDataset, folder: string): Record<string, unknown> {
  const { flowScore, minFlows, windowSeconds } = model.manifest.threshold;
  const width = dataset.features.length;
  const predicted = new Int32Array(dataset.count);
  const probability = new Float32Array(dataset.count);
  let correct = 0;
  let judged = 0;
  for (let row = 0; row < dataset.count; row++) {
    const probabilities = classProbabilities(model.forest, dataset.rows, row * width);
    let best = 0;
    for (let c = 1; c < probabilities.length; c++) if ((probabilities[c] ?? 0) > (probabilities[best] ?? 0)) best = c;
    predicted[row] = best;
    probability[row] = probabilities[best] ?? 0;
    const label = dataset.labels[row] ?? 'benign';
    if (!model.classes.includes(label)) continue;
    judged += 1;
    if (model.classes[best] === label) correct += 1;
  }
  const flagged = (row: number): boolean => (predicted[row] ?? 0) !== 0 && (probability[row] ?? 0) >= flowScore;
  const isBenign = (row: number): boolean => dataset.labels[row] === 'benign';
  const rightKind = (row: number): boolean => model.classes[predicted[row] ?? 0] === dataset.labels[row];
  const busiest = busiestGroup(dataset, windowSeconds, flagged, isBenign);
  const episodes = episodesReached(dataset, windowSeconds, flagged, minFlows, rightKind);
  return {
    ...heldoutDescription(dataset, folder),
    flowAccuracy: judged === 0 ? null : roundTo(correct / judged, 4),
    busiestNormalGroup: busiest,
    normalGroupsAlerting: busiest >= minFlows ? 'yes' : 'none',
    episodesNamedRight: `${episodes.reached}/${episodes.total}`,
  };
}

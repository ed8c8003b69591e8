/**
 * Trains the classifier: a random forest over the labelled flows of the lab corpus (flow-labels.ts)
 * that names the attack a flow belongs to, or 'benign', with a probability.
 *
 * Classes are 'benign' and every attack kind with at least MIN_CLASS_FLOWS labelled flows (an ARP
 * spoof leaves no IP flows of its own; one ICMP flood from one source is a single flow); rows of
 * rarer kinds are left out rather than taught as benign. Each class is capped at CLASS_CAP rows,
 * drawn with the seed, so the thousands of flows of a flood do not drown the rest.
 *
 * Thresholds come from out-of-bag predictions (each row judged only by trees that never saw it):
 * candidate probabilities 0.5 … 0.9; for each, minFlows = max(MIN_NAMED_GROUP, 3 × the busiest group of
 * normal flows named as an attack at that probability); the candidate that names the most attack
 * episodes right (a group of minFlows flows of the episode's own kind) wins, ties to the higher.
 */
import { ALERT_KINDS } from '../../../preload/api/alerts';
import { seededRandom } from '../../../common/seeded-random';
import { busiestGroup, episodesReached } from './flow-groups';
import { datasetSha256, type FlowDataset } from './flow-dataset';
import type { FlowLabel } from './flow-labels';
import { baselineOf, roundTo } from './model-baseline';
import { manifestHead } from './manifest-head';
import type { ModelManifest } from './model-manifest';
import { CLASSIFIER_OUTPUTS, randomForestToOnnx } from './onnx-export';
import { classProbabilities, trainRandomForest, type RandomForest } from './random-forest';
import type { TrainedModel } from './train-anomaly';
import { GROUP_MARGIN, WINDOW_SECONDS } from './train-anomaly';

export const MIN_CLASS_FLOWS = 20;
export const CLASS_CAP = 3000;
/** A named group needs fewer flows than an anomaly: the classifier already says what they are. */
export const MIN_NAMED_GROUP = 3;
const CANDIDATE_PROBABILITIES = [0.5, 0.6, 0.7, 0.8, 0.9];

export interface TrainClassifierOptions {
  readonly name: string;
  readonly description: string;
  readonly trainingDescription: string;
  readonly seed: number;
  readonly trees?: number;
  readonly maxDepth?: number;
}

export interface ClassifierTraining extends TrainedModel {
  readonly forest: RandomForest;
  readonly classes: readonly FlowLabel[];
}

export function trainClassifierModel(dataset: FlowDataset, options: TrainClassifierOptions): ClassifierTraining {
  const width = dataset.features.length;
  const byLabel = new Map<FlowLabel, number[]>();
  for (let row = 0; row < dataset.count; row++) {
    const label = dataset.labels[row] ?? 'benign';
    let rows = byLabel.get(label);
    if (rows === undefined) byLabel.set(label, (rows = []));
    rows.push(row);
  }
  const classes: FlowLabel[] = [
    'benign',
    ...ALERT_KINDS.filter((kind) => (byLabel.get(kind)?.length ?? 0) >= MIN_CLASS_FLOWS),
  ];
  if (classes.length < 2) throw new Error('the corpus has no attack kind with enough labelled flows to learn');
  if ((byLabel.get('benign')?.length ?? 0) < MIN_CLASS_FLOWS) throw new Error('the corpus has too few benign flows');

  const random = seededRandom(options.seed);
  const chosen: number[] = [];
  for (const label of classes) {
    const rows = [...(byLabel.get(label) ?? [])];
    for (let i = 0; i < Math.min(CLASS_CAP, rows.length); i++) {
      const j = i + Math.floor(random() * (rows.length - i));
      const swap = rows[j] ?? 0;
      rows[j] = rows[i] ?? 0;
      rows[i] = swap;
    }
    chosen.push(...rows.slice(0, CLASS_CAP));
  }
  chosen.sort((a, b) => a - b);
  const trainRows = new Float32Array(chosen.length * width);
  const trainLabels = new Int32Array(chosen.length);
  chosen.forEach((row, i) => {
    trainRows.set(dataset.rows.subarray(row * width, (row + 1) * width), i * width);
    trainLabels[i] = classes.indexOf(dataset.labels[row] ?? 'benign');
  });
  const { forest, outOfBag } = trainRandomForest(trainRows, width, trainLabels, classes.length, {
    seed: options.seed,
    trees: options.trees ?? 60,
    maxDepth: options.maxDepth ?? 16,
  });

  // Each row's honest prediction: out-of-bag where it was trained on, the whole forest where it was not.
  const predicted = new Int32Array(dataset.count);
  const probability = new Float32Array(dataset.count);
  const trainedAt = new Map(chosen.map((row, i) => [row, i]));
  for (let row = 0; row < dataset.count; row++) {
    const at = trainedAt.get(row);
    const oob = at === undefined ? undefined : outOfBag.subarray(at * classes.length, (at + 1) * classes.length);
    const probabilities =
      oob !== undefined && !Number.isNaN(oob[0] ?? Number.NaN)
        ? oob
        : classProbabilities(forest, dataset.rows, row * width);
    let best = 0;
    for (let c = 1; c < classes.length; c++) if ((probabilities[c] ?? 0) > (probabilities[best] ?? 0)) best = c;
    predicted[row] = best;
    probability[row] = probabilities[best] ?? 0;
  }
  const inClasses = (row: number): boolean => classes.includes(dataset.labels[row] ?? 'benign');
  const isBenign = (row: number): boolean => dataset.labels[row] === 'benign';
  const candidates = CANDIDATE_PROBABILITIES.map((p) => {
    const flagged = (row: number): boolean => (predicted[row] ?? 0) !== 0 && (probability[row] ?? 0) >= p;
    const busiest = busiestGroup(dataset, WINDOW_SECONDS, flagged, isBenign);
    const minFlows = Math.max(MIN_NAMED_GROUP, GROUP_MARGIN * busiest);
    const rightKind = (row: number): boolean => classes[predicted[row] ?? 0] === dataset.labels[row];
    const episodes = episodesReached(dataset, WINDOW_SECONDS, flagged, minFlows, rightKind);
    return { p, busiest, minFlows, episodes };
  });
  const best = candidates.reduce((a, b) => (b.episodes.reached >= a.episodes.reached ? b : a));

  // Out-of-bag confusion over the rows of known classes.
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  let judged = 0;
  for (let row = 0; row < dataset.count; row++) {
    if (!inClasses(row)) continue;
    const truth = dataset.labels[row] ?? 'benign';
    const guess = classes[predicted[row] ?? 0] ?? 'benign';
    const line = (confusion[truth] ??= {});
    line[guess] = (line[guess] ?? 0) + 1;
    judged += 1;
    if (guess === truth) correct += 1;
  }
  const recall = Object.fromEntries(
    classes.map((label) => {
      const line = confusion[label] ?? {};
      const total = Object.values(line).reduce((sum, n) => sum + n, 0);
      return [label, total === 0 ? null : roundTo((line[label] ?? 0) / total, 4)];
    }),
  );
  const benignRows = byLabel.get('benign') ?? [];
  const onnx = randomForestToOnnx(forest, options.name);
  const manifest: ModelManifest = {
    ...manifestHead('classifier', options, onnx, CLASSIFIER_OUTPUTS, dataset),
    classes: [...classes],
    threshold: {
      flowScore: best.p,
      minFlows: best.minFlows,
      windowSeconds: WINDOW_SECONDS,
      method: `A flow counts when its most likely class is an attack with probability ≥ ${best.p}. Judged out of bag, the busiest normal source or target had ${best.busiest} flows named as an attack in a ${WINDOW_SECONDS} s window at that probability, so minFlows = max(${MIN_NAMED_GROUP}, ${GROUP_MARGIN} × ${best.busiest}). Of the probabilities ${CANDIDATE_PROBABILITIES.join(', ')}, this one named the most training episodes right (${best.episodes.reached} of ${best.episodes.total}).`,
    },
    baseline: baselineOf(
      dataset.rows,
      width,
      benignRows,
      dataset.features,
      `${benignRows.length} benign flows of the training corpus`,
    ),
    training: {
      description: options.trainingDescription,
      seed: options.seed,
      sha256: datasetSha256(dataset.files),
      flows: chosen.length,
      files: [...dataset.files],
      parameters: {
        algorithm: 'random forest (Breiman 2001), Gini, bootstrap, √F features per split',
        trees: forest.trees.length,
        maxDepth: options.maxDepth ?? 16,
        classCap: CLASS_CAP,
        minClassFlows: MIN_CLASS_FLOWS,
      },
    },
    metrics: {
      outOfBagAccuracy: judged === 0 ? null : roundTo(correct / judged, 4),
      outOfBagRecall: recall,
      outOfBagConfusion: confusion,
      candidates: candidates.map((candidate) => ({
        probability: candidate.p,
        minFlows: candidate.minFlows,
        episodesNamedRight: candidate.episodes.reached,
      })),
      trainingEpisodesNamedRight: `${best.episodes.reached}/${best.episodes.total}`,
    },
  };
  return { manifest, onnx, forest, classes };
}

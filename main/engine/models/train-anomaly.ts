/**
 * Trains the anomaly model: an isolation forest on the normal flows of a data set, exported to
 * ONNX, with a manifest that says how its alert threshold was chosen.
 *
 * One flow on its own is a weak signal: the lab's bulk iperf transfer is the most isolated flow
 * of all and perfectly normal, while a port scan's probes each look like a small, ordinary flow.
 * What separates attacks is volume: many unusual flows from one source or to one target. So the
 * detector counts, per window, the flows of each source and target whose score reaches
 * `flowScore`, and alerts at `minFlows`. The numbers are chosen on the training data:
 * - candidate `flowScore`s are quantiles of the normal flows' scores (0.80 … 0.995);
 * - for each, `minFlows` = max(MIN_GROUP, GROUP_MARGIN (3) × the busiest normal group at that
 *   score), so no normal traffic of the training data comes near alerting; the margin is for normal
 *   traffic busier than the training's (on the lab's held-back corpus, the busiest normal group at
 *   the chosen score was 1.6× the training's);
 * - with labelled attacks, the highest quantile whose thresholds let at least NEAR_BEST (85 %) of
 *   the best candidate's attack episodes reach `minFlows` wins: a low flow score flags too many
 *   normal flows to hold up on new traffic (at the 0.8 quantile, 43 % of the held-back normal flows
 *   scored above it against 20 % in training); with normal traffic only (`wirewatch train
 *   --baseline`), there is nothing to choose with, and the 0.9 quantile is taken: the one the lab
 *   corpus chooses with its attacks labelled (a higher one leaves single probes and flood packets,
 *   which look like small ordinary flows, below the line: at 0.99 a baseline of the lab's normal
 *   traffic caught none of the held-back attacks).
 */
import { busiestGroup, episodesReached, quantile } from './flow-groups';
import type { FlowDataset } from './flow-dataset';
import { datasetSha256 } from './flow-dataset';
import { anomalyScores, trainIsolationForest, type IsolationForest } from './isolation-forest';
import { baselineOf, roundTo } from './model-baseline';
import { manifestHead } from './manifest-head';
import type { ModelManifest } from './model-manifest';
import { isolationForestToOnnx, ISOLATION_OUTPUTS } from './onnx-export';

/** The smallest group that may alert: a handful of odd flows is not an attack. */
export const MIN_GROUP = 5;
/** Windows of one minute, as the rules' short windows. */
export const WINDOW_SECONDS = 60;
/** minFlows is this many times the busiest normal group: room for normal traffic busier than the training's. */
export const GROUP_MARGIN = 3;
/** The highest quantile reaching this share of the best candidate's episodes wins: a little recall for a lot of margin. */
export const NEAR_BEST = 0.85;
const CANDIDATE_QUANTILES = [0.8, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995];
const BASELINE_ONLY_QUANTILE = 0.9;

export interface TrainAnomalyOptions {
  readonly name: string;
  readonly description: string;
  readonly trainingDescription: string;
  readonly seed: number;
  readonly trees?: number;
  readonly sampleSize?: number;
}

export interface TrainedModel {
  readonly manifest: ModelManifest;
  readonly onnx: Uint8Array;
}

export interface AnomalyTraining extends TrainedModel {
  readonly forest: IsolationForest;
}

export function trainAnomalyModel(dataset: FlowDataset, options: TrainAnomalyOptions): AnomalyTraining {
  const width = dataset.features.length;
  const benign: number[] = [];
  for (let row = 0; row < dataset.count; row++) if (dataset.labels[row] === 'benign') benign.push(row);
  if (benign.length < 2) throw new Error(`only ${benign.length} normal flows to learn from; at least 2 are needed`);
  const benignRows = new Float32Array(benign.length * width);
  benign.forEach((row, i) => benignRows.set(dataset.rows.subarray(row * width, (row + 1) * width), i * width));
  const forest = trainIsolationForest(benignRows, width, {
    seed: options.seed,
    trees: options.trees ?? 100,
    sampleSize: options.sampleSize ?? 256,
  });
  const scores = anomalyScores(forest, dataset.rows);
  // float32, as onnxruntime reports them, so the threshold compares like for like.
  const scores32 = Float32Array.from(scores);
  const benignScores = benign.map((row) => scores32[row] ?? 0);
  const isBenign = (row: number): boolean => dataset.labels[row] === 'benign';
  const hasAttacks = benign.length < dataset.count;

  const candidates = CANDIDATE_QUANTILES.map((q) => {
    const flowScore = roundTo(quantile(benignScores, q));
    const flagged = (row: number): boolean => (scores32[row] ?? 0) >= flowScore;
    const busiest = busiestGroup(dataset, WINDOW_SECONDS, flagged, isBenign);
    const minFlows = Math.max(MIN_GROUP, GROUP_MARGIN * busiest);
    const episodes = episodesReached(dataset, WINDOW_SECONDS, flagged, minFlows);
    return { q, flowScore, busiest, minFlows, episodes };
  });
  const most = Math.max(...candidates.map((candidate) => candidate.episodes.reached));
  const chosen = hasAttacks
    ? [...candidates].reverse().find((candidate) => candidate.episodes.reached >= NEAR_BEST * most)
    : candidates.find((candidate) => candidate.q === BASELINE_ONLY_QUANTILE);
  if (chosen === undefined) throw new Error('no threshold candidates');

  const perKind: Record<string, { flows: number; flagged: number }> = {};
  for (let row = 0; row < dataset.count; row++) {
    const label = dataset.labels[row] ?? 'benign';
    const entry = (perKind[label] ??= { flows: 0, flagged: 0 });
    entry.flows += 1;
    if ((scores32[row] ?? 0) >= chosen.flowScore) entry.flagged += 1;
  }
  const onnx = isolationForestToOnnx(forest, options.name);
  const manifest: ModelManifest = {
    ...manifestHead('anomaly', options, onnx, ISOLATION_OUTPUTS, dataset),
    threshold: {
      flowScore: chosen.flowScore,
      minFlows: chosen.minFlows,
      windowSeconds: WINDOW_SECONDS,
      method: hasAttacks
        ? `flowScore is the ${chosen.q} quantile of the ${benign.length} normal flows' scores; at it the busiest normal source or target had ${chosen.busiest} such flows in a ${WINDOW_SECONDS} s window, so minFlows = max(${MIN_GROUP}, ${GROUP_MARGIN} × ${chosen.busiest}). Of the quantiles ${CANDIDATE_QUANTILES.join(', ')}, it is the highest whose thresholds let at least ${NEAR_BEST} of the best candidate's attack episodes of the training corpus reach minFlows (${chosen.episodes.reached} of ${chosen.episodes.total}; the best reached ${most}).`
        : `flowScore is the ${chosen.q} quantile of the ${benign.length} normal flows' scores; at it the busiest source or target had ${chosen.busiest} such flows in a ${WINDOW_SECONDS} s window, so minFlows = max(${MIN_GROUP}, ${GROUP_MARGIN} × ${chosen.busiest}): the baseline itself never comes near alerting.`,
    },
    baseline: baselineOf(
      dataset.rows,
      width,
      benign,
      dataset.features,
      `${benign.length} normal flows of the training data`,
    ),
    training: {
      description: options.trainingDescription,
      seed: options.seed,
      sha256: datasetSha256(dataset.files),
      flows: benign.length,
      files: [...dataset.files],
      parameters: {
        algorithm: 'isolation forest (Liu, Ting, Zhou 2008)',
        trees: forest.trees.length,
        sampleSize: forest.sampleSize,
        maxDepth: Math.ceil(Math.log2(Math.max(forest.sampleSize, 2))),
      },
    },
    metrics: {
      normalScore: {
        p50: roundTo(quantile(benignScores, 0.5)),
        p99: roundTo(quantile(benignScores, 0.99)),
        max: roundTo(Math.max(...benignScores)),
      },
      candidates: candidates.map((candidate) => ({
        quantile: candidate.q,
        flowScore: candidate.flowScore,
        minFlows: candidate.minFlows,
        attackEpisodesReached: candidate.episodes.reached,
      })),
      flaggedShareByLabel: Object.fromEntries(
        Object.entries(perKind)
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([label, entry]) => [label, roundTo(entry.flagged / entry.flows, 4)]),
      ),
      trainingEpisodesReached: hasAttacks ? `${chosen.episodes.reached}/${chosen.episodes.total}` : null,
    },
  };
  return { manifest, onnx, forest };
}

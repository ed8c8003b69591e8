/**
 * The models as a detector: closed flows are turned into feature rows, sent in batches to the
 * inference worker (onnxruntime, off the packet-reading thread), and the flows a model flags are
 * gathered into groups (model-groups.ts) that become detections: kind `anomaly` from an anomaly
 * model, or the attack kind a classifier names, with detector `model:<name>` and an explanation
 * (the features that moved the score most, against the model's baseline).
 *
 * If the worker dies, the detector says so once (warnings(), shown in the summary and on the CLI's
 * stderr), drops the batches in flight and lets the analysis finish with the rules.
 *
 * At most `maxInFlight` batches are with the worker; the rest wait here. A file analysis holds its
 * reader back until they are scored (settle), but a live capture cannot hold the wire back: there
 * `maxQueuedFlows` bounds the waiting flows, and when scoring falls behind the oldest waiting
 * batches are dropped unscored and counted (a warning says how many), so memory stays bounded.
 * Once the input ends (`draining`), the last flows are all scored: their number is bounded by the
 * flow table.
 */
import type { AlertKind, Severity } from '../../../preload/api/alerts';
import { ALERT_KINDS } from '../../../preload/api/alerts';
import type { DetectionSink } from '../detect/detection';
import type { Detector, DetectorFactory } from '../detect/detector';
import { DEFAULT_IDLE_TIMEOUT } from '../flows/flow-options';
import type { FlowRecord } from '../flows/flow-record';
import type { ModelVerdicts } from '../worker/inference-messages';
import { describeContributions, describeDeviations, type ExplainedFeature } from './explain';
import { InferenceClient } from './inference-client';
import { writeFlowVector, type ModelFeature } from './model-features';
import type { LoadedModel } from './model-load';
import type { ModelManifest } from './model-manifest';
import { FlowGroups, type FlaggedFlow, type FlowGroup, type ReadyGroup, type Votes } from './model-groups';

export interface ModelScoringOptions {
  readonly models: readonly LoadedModel[];
  /** The built inference worker (dist/main/inference-worker.cjs). */
  readonly workerPath: string;
  /** Flows per batch; 512 keeps a batch's latency low and onnxruntime's per-call cost small. */
  readonly batchSize?: number;
  /** Batches in flight before the packet reader waits for the worker. */
  readonly maxInFlight?: number;
  /** Sees the inference client once it starts (a supervisor; the crash spec kills its worker). */
  readonly onClient?: (client: InferenceClient) => void;
  /**
   * Flows waiting for the worker beyond those in flight before the oldest are dropped unscored;
   * unbounded by default (a file analysis waits for scoring instead). Live capture sets it.
   */
  readonly maxQueuedFlows?: number;
}

export const DEFAULT_BATCH_SIZE = 512;
const DEFAULT_IN_FLIGHT = 4;
/**
 * Waiting flows a live capture keeps when scoring falls behind: about 100 batches, some 6 MB of
 * feature rows and flow records, a few seconds of a busy link's flows.
 */
export const LIVE_MAX_QUEUED_FLOWS = 50_000;
/** A window is complete once capture time is this far past its end: its flows have closed by idle timeout. */
const WINDOW_GRACE_SECONDS = DEFAULT_IDLE_TIMEOUT + 10;

interface Batch {
  readonly flows: FlowRecord[];
  readonly inputs: Float32Array[];
}

/** Severity of a model detection: a named attack is medium, an unexplained anomaly low; ten times the minimum raises it one step. */
function severityOf(named: boolean, flows: number, minFlows: number): Severity {
  const large = flows >= 10 * minFlows;
  if (named) return large ? 'high' : 'medium';
  return large ? 'medium' : 'low';
}

const ATTACK_KINDS = new Set<string>(ALERT_KINDS);

/**
 * A group's explanation: the worker's (occlusion) for its strongest explained flow; when the worker
 * explained none of its flows, or occlusion moved nothing (a forest sure of a flow whichever one
 * feature is reset), the strongest flow's features farthest from the baseline.
 */
function explain(group: FlowGroup, models: ReadonlyMap<string, ModelManifest>): readonly ExplainedFeature[] {
  const given = group.best?.explanation;
  if (given !== undefined && given !== null && given.length > 0) return given;
  const manifest = models.get(group.strongest.model);
  return manifest === undefined ? [] : describeDeviations(manifest, group.strongest.values);
}

export function modelDetector(options: ModelScoringOptions): DetectorFactory {
  return (emit) => new ModelDetector(options, emit);
}

class ModelDetector implements Detector {
  readonly name = 'models';
  readonly #byName: Map<string, ModelManifest>;
  readonly #inputs: (readonly ModelFeature[])[] = [];
  readonly #client: InferenceClient;
  readonly #batchSize: number;
  readonly #maxInFlight: number;
  readonly #inFlight = new Set<Promise<void>>();
  /** Batches waiting for a place in flight, oldest first, and the flows in them. */
  readonly #queue: Batch[] = [];
  #queuedFlows = 0;
  readonly #maxQueuedFlows: number;
  #dropped = 0;
  #draining = false;
  readonly #groups: FlowGroups;
  readonly #warnings: string[] = [];
  readonly #emit: DetectionSink;
  #batch: Batch;
  #latest = Number.NEGATIVE_INFINITY;
  #dead = false;

  constructor(options: ModelScoringOptions, emit: DetectionSink) {
    this.#emit = emit;
    this.#byName = new Map(options.models.map((model) => [model.manifest.name, model.manifest]));
    this.#batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.#maxInFlight = options.maxInFlight ?? DEFAULT_IN_FLIGHT;
    this.#maxQueuedFlows = options.maxQueuedFlows ?? Number.POSITIVE_INFINITY;
    // Models reading the same features in the same order share one set of rows.
    const signatures: string[] = [];
    const workerModels = options.models.map((model) => {
      const signature = JSON.stringify(model.manifest.features);
      let input = signatures.indexOf(signature);
      if (input < 0) {
        input = signatures.push(signature) - 1;
        this.#inputs.push(model.manifest.features);
      }
      return { manifest: model.manifest, bytes: model.bytes, input };
    });
    const window = Math.max(...options.models.map((model) => model.manifest.threshold.windowSeconds));
    this.#groups = new FlowGroups(window, (votes) => this.#qualifying(votes).length > 0);
    this.#batch = this.#newBatch();
    this.#client = new InferenceClient(options.workerPath, workerModels);
    options.onClient?.(this.#client);
    this.#client.ready().then(
      ({ refused }) => {
        for (const { name, message } of refused) {
          this.#warnings.push(`model ${name} was refused by onnxruntime and did not score: ${message}`);
        }
      },
      (error: unknown) => this.#fail(error),
    );
  }

  onPacket(): void {
    // Models judge closed flows only.
  }

  onFlow(flow: FlowRecord): void {
    if (this.#dead) return;
    if (flow.last_seen > this.#latest) this.#latest = flow.last_seen;
    const row = this.#batch.flows.length;
    this.#inputs.forEach((features, i) => {
      const rows = this.#batch.inputs[i];
      if (rows !== undefined) writeFlowVector(flow, features, rows, row * features.length);
    });
    this.#batch.flows.push(flow);
    if (this.#batch.flows.length >= this.#batchSize) this.#dispatch();
  }

  /** Waits while batches wait or too many are in flight; at the end, scores what is left and reports every group. */
  async settle(final: boolean): Promise<void> {
    if (final) {
      this.#draining = true;
      // Even with no flow to score, the models' loading has something to say (a model refused).
      await this.#client.ready().catch(() => undefined);
      this.#dispatch();
      while (this.#inFlight.size > 0) await Promise.all([...this.#inFlight]);
      this.#report(this.#groups.takeEndedBefore(Number.POSITIVE_INFINITY));
      return;
    }
    while (this.#inFlight.size > 0 && (this.#queue.length > 0 || this.#inFlight.size >= this.#maxInFlight))
      await Promise.race([...this.#inFlight]);
  }

  draining(): void {
    this.#draining = true;
  }

  warnings(): readonly string[] {
    if (this.#dropped === 0) return this.#warnings;
    return [
      ...this.#warnings,
      `model scoring fell behind the traffic: ${this.#dropped.toLocaleString('en-US')} flows were dropped unscored (more than ${this.#maxQueuedFlows.toLocaleString('en-US')} waiting); the rules saw them all`,
    ];
  }

  /** Flows dropped unscored because scoring fell behind (live capture). */
  get droppedFlows(): number {
    return this.#dropped;
  }

  async dispose(): Promise<void> {
    await this.#client.close();
  }

  #newBatch(): Batch {
    return { flows: [], inputs: this.#inputs.map((features) => new Float32Array(this.#batchSize * features.length)) };
  }

  /** Queues the batch being filled and sends what fits in flight; drops the oldest waiting past the bound. */
  #dispatch(): void {
    const batch = this.#batch;
    if (batch.flows.length === 0 || this.#dead) return;
    this.#batch = this.#newBatch();
    this.#queue.push(batch);
    this.#queuedFlows += batch.flows.length;
    this.#pump();
    if (this.#draining) return;
    while (this.#queuedFlows > this.#maxQueuedFlows) {
      const oldest = this.#queue.shift();
      if (oldest === undefined) break;
      this.#queuedFlows -= oldest.flows.length;
      this.#dropped += oldest.flows.length;
    }
  }

  /** Sends waiting batches, oldest first, while there is room in flight. */
  #pump(): void {
    while (!this.#dead && this.#inFlight.size < this.#maxInFlight) {
      const batch = this.#queue.shift();
      if (batch === undefined) return;
      this.#queuedFlows -= batch.flows.length;
      this.#send(batch);
    }
  }

  #send(batch: Batch): void {
    const count = batch.flows.length;
    const inputs = batch.inputs.map((rows, i) => rows.slice(0, count * (this.#inputs[i]?.length ?? 0)));
    const work = this.#client
      .score(inputs, count)
      .then((verdicts) => this.#judge(batch.flows, verdicts))
      .catch((error: unknown) => this.#fail(error))
      .finally(() => {
        this.#inFlight.delete(work);
        this.#pump();
      });
    this.#inFlight.add(work);
  }

  #fail(error: unknown): void {
    if (this.#dead) return;
    this.#dead = true;
    // What waits would never be scored; the rules carry on.
    this.#queue.length = 0;
    this.#queuedFlows = 0;
    const message = error instanceof Error ? error.message : String(error);
    this.#warnings.push(`model scoring stopped: ${message}; the analysis continued with the rules only`);
  }

  #judge(flows: readonly FlowRecord[], verdicts: readonly ModelVerdicts[]): void {
    for (const verdict of verdicts) {
      const manifest = this.#byName.get(verdict.model);
      if (manifest === undefined) continue;
      const explanations = new Map(verdict.explanations.map((entry) => [entry.row, entry.contributions]));
      const benign = manifest.type === 'classifier' ? (manifest.classes ?? []).indexOf('benign') : -1;
      flows.forEach((flow, row) => {
        const score = verdict.scores[row] ?? 0;
        if (score < manifest.threshold.flowScore) return;
        const named =
          manifest.type === 'classifier' ? (manifest.classes?.[verdict.classes[row] ?? benign] ?? 'benign') : 'anomaly';
        if (named === 'benign') return;
        const contributions = explanations.get(row);
        const values = manifest.features.map((feature) => flow[feature.name]);
        const flagged: FlaggedFlow = {
          src: flow.src,
          dst: flow.dst,
          dstPort: flow.dst_port,
          firstSeen: flow.first_seen,
          lastSeen: flow.last_seen,
          flowId: flow.flow_id,
          verdict: named,
          model: manifest.name,
          score,
          explanation: contributions === undefined ? null : describeContributions(manifest, contributions, values),
          values,
        };
        this.#groups.add(flagged);
      });
    }
    this.#report(this.#groups.takeEndedBefore(this.#latest - WINDOW_GRACE_SECONDS));
  }

  /** The votes that reach their model's minFlows. */
  #qualifying(votes: Votes): { model: ModelManifest; verdict: string; flows: number }[] {
    const out: { model: ModelManifest; verdict: string; flows: number }[] = [];
    for (const [vote, flows] of votes) {
      const [name = '', verdict = ''] = vote.split('|');
      const model = this.#byName.get(name);
      if (model !== undefined && flows >= model.threshold.minFlows) out.push({ model, verdict, flows });
    }
    // A named attack before an anomaly; then the most flows.
    return out.sort((a, b) => Number(b.verdict !== 'anomaly') - Number(a.verdict !== 'anomaly') || b.flows - a.flows);
  }

  #report(groups: readonly ReadyGroup[]): void {
    for (const { src, dst, group, votes } of groups) {
      const [top, ...others] = this.#qualifying(votes);
      if (top === undefined) continue;
      const named = top.verdict !== 'anomaly' && ATTACK_KINDS.has(top.verdict);
      const kind: AlertKind = named ? (top.verdict as AlertKind) : 'anomaly';
      const score = group.topScore.get(`${top.model.name}|${top.verdict}`) ?? 0;
      const explanation = explain(group, this.#byName);
      const from = src ?? `${group.peers.size}${group.peersOverflow ? '+' : ''} sources`;
      const to = dst ?? `${group.peers.size}${group.peersOverflow ? '+' : ''} targets`;
      const why = explanation[0];
      const because =
        why === undefined
          ? ''
          : `; most unusual: ${why.feature} ${why.value} against a normal median of ${why.baselineMedian}`;
      const summary = named
        ? `Model ${top.model.name} names ${top.flows} flows from ${from} to ${to} ${kind} within ${top.model.threshold.windowSeconds} s (probability up to ${score.toFixed(2)})${because}.`
        : `Model ${top.model.name} finds ${top.flows} unusual flows from ${from} to ${to} within ${top.model.threshold.windowSeconds} s (score up to ${score.toFixed(2)}, threshold ${top.model.threshold.flowScore})${because}.`;
      const topPorts = [...group.ports].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 5);
      this.#emit({
        kind,
        severity: severityOf(named, top.flows, top.model.threshold.minFlows),
        src,
        dst,
        firstSeen: group.firstSeen,
        lastSeen: group.lastSeen,
        score,
        detector: `model:${top.model.name}`,
        summary,
        evidence: {
          model: top.model.name,
          verdict: top.verdict,
          flaggedFlows: top.flows,
          flows: group.flows,
          minFlows: top.model.threshold.minFlows,
          flowScore: top.model.threshold.flowScore,
          topFeatures: explanation,
          topPorts: topPorts.map(([port, flows]) => ({ port, flows })),
          peers: Math.min(group.peers.size, 64) + (group.peersOverflow ? 1 : 0),
          flowIds: group.flowIds,
          // The other models whose verdicts on these flows also reached their thresholds.
          alsoFlaggedBy: others.map((other) => ({
            model: other.model.name,
            verdict: other.verdict,
            flows: other.flows,
          })),
        },
      });
    }
  }
}

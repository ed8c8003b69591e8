/**
 * The flow features the shipped models read, in input order, and how each is scaled. A subset of
 * the 68 in flows/flow-columns.ts: the ones that describe a conversation's shape (size, timing,
 * TCP handshake, service port) without repeating each other; min/std variants, URG/ECE/CWR counts
 * (zero in nearly all traffic) and active/idle periods (zero for flows under 5 s) add little.
 *
 * Scaling: counts, bytes, durations and rates are heavy-tailed (a bulk transfer moves 10^9 bytes,
 * a probe 40), so they enter as log1p(x). Trees in a random forest do not care, but an isolation
 * forest draws split points uniformly between a node's min and max, and on a raw byte count nearly
 * every split would fall among the few huge flows. Identity-scaled: the protocol number, the
 * service port, the TCP window fields (bounded, categorical in practice) and the reply ratio.
 */
import type { FlowRecord } from '../flows/flow-record';
import type { FlowFeatureName } from '../flows/flow-columns';

export type FeatureScaling = 'log1p' | 'identity';

/** A model input: a flow column and how it is scaled. */
export interface ModelFeature {
  readonly name: FlowFeatureName | 'protocol' | 'dst_port';
  readonly scaling: FeatureScaling;
}

const log = (name: ModelFeature['name']): ModelFeature => ({ name, scaling: 'log1p' });
const raw = (name: ModelFeature['name']): ModelFeature => ({ name, scaling: 'identity' });

/** The shipped models' inputs, in order. */
export const MODEL_FEATURES: readonly ModelFeature[] = [
  raw('protocol'),
  raw('dst_port'),
  log('duration'),
  log('fwd_packets'),
  log('bwd_packets'),
  log('fwd_bytes'),
  log('bwd_bytes'),
  log('fwd_payload_bytes'),
  log('bwd_payload_bytes'),
  log('fwd_data_packets'),
  log('bwd_data_packets'),
  log('len_mean'),
  log('len_std'),
  log('fwd_len_max'),
  log('bwd_len_max'),
  log('iat_mean'),
  log('iat_max'),
  log('syn_count'),
  log('fin_count'),
  log('rst_count'),
  log('psh_count'),
  log('ack_count'),
  raw('fwd_init_window'),
  raw('bwd_init_window'),
  log('bytes_per_second'),
  log('packets_per_second'),
  raw('down_up_ratio'),
];

/** Applies one feature's scaling. log1p of a negative value (never in these columns) is clamped at 0. */
export function scaleValue(value: number, scaling: FeatureScaling): number {
  if (!Number.isFinite(value)) return 0;
  return scaling === 'log1p' ? Math.log1p(Math.max(0, value)) : value;
}

/** Undoes scaleValue, to show a baseline in the flow's own units. */
export function unscaleValue(value: number, scaling: FeatureScaling): number {
  return scaling === 'log1p' ? Math.expm1(value) : value;
}

/**
 * Writes a flow's scaled features into `out` at `offset`, as float32 (what the ONNX models take, so
 * TypeScript and onnxruntime compare the very same numbers against the same float32 thresholds).
 */
export function writeFlowVector(
  flow: FlowRecord,
  features: readonly ModelFeature[],
  out: Float32Array,
  offset: number,
): void {
  for (let i = 0; i < features.length; i++) {
    const feature = features[i];
    if (feature === undefined) continue;
    out[offset + i] = scaleValue(flow[feature.name], feature.scaling);
  }
}

/** One flow's scaled features as a new array. */
export function flowVector(flow: FlowRecord, features: readonly ModelFeature[]): Float32Array {
  const out = new Float32Array(features.length);
  writeFlowVector(flow, features, out, 0);
  return out;
}

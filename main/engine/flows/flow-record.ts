/**
 * FlowRecord: a closed flow as consumers see it (detectors, models, CSV, JSON). Addresses become
 * text here, once per record, never per packet.
 */
import { ipToString } from '../decode/address-format';
import { L3 } from '../decode/packet';
import type { CloseReason } from './close-reason';
import type { FlowFeatureName, FlowIdentityName } from './flow-columns';
import { KEY_PORTS, KEY_PROTO } from './flow-key';
import { DIR, ROW } from './flow-layout';
import { combineStats, readStats } from './running-stats';

interface FlowIdentityTypes {
  flow_id: number;
  ip_version: 4 | 6;
  protocol: number;
  src: string;
  src_port: number;
  dst: string;
  dst_port: number;
  /** Epoch seconds (float), from packet timestamps. */
  first_seen: number;
  last_seen: number;
  close_reason: CloseReason;
}

/** The identity columns with their types; the compiler rejects a column without a type here. */
export type FlowIdentity = { readonly [K in FlowIdentityName]: FlowIdentityTypes[K] };

/** The numeric features, one per FLOW_FEATURES entry. */
export type FlowFeatures = { readonly [K in FlowFeatureName]: number };

/** A closed flow: identity and features, field names as the CSV header's. */
export type FlowRecord = FlowIdentity & FlowFeatures;

/**
 * Reads the flow in `rows` at `row` (a ROW_SLOTS block) as a record. `timeBase` turns the row's
 * relative timestamps back into epoch seconds. One object literal with every field, so V8 gives all
 * records one shape (spreads and computed keys made them slow dictionary objects).
 */
export function readFlowRecord(rows: Float64Array, row: number, timeBase: number, reason: CloseReason): FlowRecord {
  const key = row + ROW.KEY;
  const fwd = row + ROW.FWD;
  const bwd = row + ROW.BWD;
  const protoWord = at(rows, key + KEY_PROTO);
  const l3 = protoWord >>> 8;
  const ports = at(rows, key + KEY_PORTS);
  const first = at(rows, row + ROW.FIRST_TS);
  const last = at(rows, row + ROW.LAST_TS);
  const duration = Math.max(0, last - first);
  const fwdLen = readStats(rows, fwd + DIR.LEN);
  const bwdLen = readStats(rows, bwd + DIR.LEN);
  const len = combineStats(rows, fwd + DIR.LEN, bwd + DIR.LEN);
  const iat = readStats(rows, row + ROW.IAT);
  const fwdIat = readStats(rows, fwd + DIR.IAT);
  const bwdIat = readStats(rows, bwd + DIR.IAT);
  const active = readStats(rows, row + ROW.ACTIVE);
  const idle = readStats(rows, row + ROW.IDLE);
  const flags = row + ROW.FLAGS;
  const packets = fwdLen.count + bwdLen.count;
  const fwdBytes = at(rows, fwd + DIR.BYTES);
  const bwdBytes = at(rows, bwd + DIR.BYTES);
  const perSecond = duration > 0 ? 1 / duration : 0;
  return {
    flow_id: at(rows, row + ROW.ID),
    ip_version: l3 === L3.IPV6 ? 6 : 4,
    protocol: protoWord & 0xff,
    src: ipToString(l3, rows.subarray(key, key + 4)),
    src_port: ports >>> 16,
    dst: ipToString(l3, rows.subarray(key + 4, key + 8)),
    dst_port: ports & 0xffff,
    first_seen: timeBase + first,
    last_seen: timeBase + last,
    close_reason: reason,
    duration,
    packets,
    fwd_packets: fwdLen.count,
    bwd_packets: bwdLen.count,
    bytes: fwdBytes + bwdBytes,
    fwd_bytes: fwdBytes,
    bwd_bytes: bwdBytes,
    fwd_payload_bytes: at(rows, fwd + DIR.PAYLOAD_BYTES),
    bwd_payload_bytes: at(rows, bwd + DIR.PAYLOAD_BYTES),
    fwd_header_bytes: at(rows, fwd + DIR.HEADER_BYTES),
    bwd_header_bytes: at(rows, bwd + DIR.HEADER_BYTES),
    fwd_data_packets: at(rows, fwd + DIR.DATA_PACKETS),
    bwd_data_packets: at(rows, bwd + DIR.DATA_PACKETS),
    len_min: len.min,
    len_max: len.max,
    len_mean: len.mean,
    len_std: len.std,
    fwd_len_min: fwdLen.min,
    fwd_len_max: fwdLen.max,
    fwd_len_mean: fwdLen.mean,
    fwd_len_std: fwdLen.std,
    bwd_len_min: bwdLen.min,
    bwd_len_max: bwdLen.max,
    bwd_len_mean: bwdLen.mean,
    bwd_len_std: bwdLen.std,
    iat_min: iat.min,
    iat_max: iat.max,
    iat_mean: iat.mean,
    iat_std: iat.std,
    fwd_iat_min: fwdIat.min,
    fwd_iat_max: fwdIat.max,
    fwd_iat_mean: fwdIat.mean,
    fwd_iat_std: fwdIat.std,
    bwd_iat_min: bwdIat.min,
    bwd_iat_max: bwdIat.max,
    bwd_iat_mean: bwdIat.mean,
    bwd_iat_std: bwdIat.std,
    // Counters in TCP_FLAG bit order.
    fin_count: at(rows, flags),
    syn_count: at(rows, flags + 1),
    rst_count: at(rows, flags + 2),
    psh_count: at(rows, flags + 3),
    ack_count: at(rows, flags + 4),
    urg_count: at(rows, flags + 5),
    ece_count: at(rows, flags + 6),
    cwr_count: at(rows, flags + 7),
    fwd_psh_count: at(rows, fwd + DIR.PSH),
    bwd_psh_count: at(rows, bwd + DIR.PSH),
    fwd_urg_count: at(rows, fwd + DIR.URG),
    bwd_urg_count: at(rows, bwd + DIR.URG),
    fwd_init_window: at(rows, fwd + DIR.INIT_WINDOW),
    bwd_init_window: at(rows, bwd + DIR.INIT_WINDOW),
    bytes_per_second: (fwdBytes + bwdBytes) * perSecond,
    packets_per_second: packets * perSecond,
    fwd_packets_per_second: fwdLen.count * perSecond,
    bwd_packets_per_second: bwdLen.count * perSecond,
    down_up_ratio: fwdLen.count > 0 ? bwdLen.count / fwdLen.count : 0,
    active_min: active.min,
    active_max: active.max,
    active_mean: active.mean,
    active_std: active.std,
    idle_min: idle.min,
    idle_max: idle.max,
    idle_mean: idle.mean,
    idle_std: idle.std,
  };
}

function at(rows: Float64Array, index: number): number {
  return rows[index] ?? 0;
}

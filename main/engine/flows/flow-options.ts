/**
 * How the flow table cuts traffic into flows. All times are seconds of capture time (packet
 * timestamps), never wall-clock time, so a file gives the same flows however fast it is read.
 */
import type { FlowRecord } from './flow-record';

export interface FlowTableOptions {
  /** Receives each closed flow, synchronously, from add(), expire() or flush(). It must not call back into the table. */
  readonly onFlow: (record: FlowRecord) => void;
  /** A flow with no packet for longer than this closes as 'idle'. Default 120 s. */
  readonly idleTimeout?: number;
  /** A flow longer than this is cut: a record closes as 'active-timeout' and a new one continues. Default 1800 s. */
  readonly activeTimeout?: number;
  /** Most flows open at once; past it the least recently seen is closed as 'evicted'. Default 1,000,000. */
  readonly maxFlows?: number;
  /** A gap longer than this ends an active period and counts as idle time (active_/idle_ features). Default 5 s. */
  readonly activityThreshold?: number;
  /** Close idle flows while adding packets (the head of the recency list is checked per packet). Default true. */
  readonly autoExpire?: boolean;
}

/**
 * Idle timeout 120 s: CICFlowMeter's flow timeout (FlowGenerator, 120,000,000 µs in its CLI), the one
 * behind CIC-IDS2017 and CSE-CIC-IDS2018, so short flows split as in the data sets most flow models
 * are compared on. CICFlowMeter measures it from the flow's start; we measure from the last packet
 * (NetFlow's inactive timer) and leave long flows to the active timeout. It sits between NetFlow's
 * 15 s inactive default and Suricata's 300 s (600 s for TCP) established-flow timeouts
 * (suricata.yaml flow-timeouts).
 */
export const DEFAULT_IDLE_TIMEOUT = 120;

/** Active timeout 30 min: NetFlow's default (Cisco IOS `ip flow-cache timeout active`, 30 minutes). */
export const DEFAULT_ACTIVE_TIMEOUT = 1800;

/**
 * One million open flows. A flow takes about 0.65 KB (its row of ROW_SLOTS doubles in
 * flow-layout.ts, plus hash, recency links and index entries), so the cap bounds the table near
 * 650 MB, 1.5× that briefly while the arrays double; the store starts at 1,024 flows and grows only
 * as flows stay open. A spoofed-source flood is what fills it, so the pipeline may want it lower.
 */
export const DEFAULT_MAX_FLOWS = 1_000_000;

/** 5 s: CICFlowMeter's activity timeout (5,000,000 µs), which splits a flow into active and idle periods. */
export const DEFAULT_ACTIVITY_THRESHOLD = 5;

/** The options with defaults applied, checked. */
export interface ResolvedFlowOptions {
  readonly onFlow: (record: FlowRecord) => void;
  readonly idleTimeout: number;
  readonly activeTimeout: number;
  readonly maxFlows: number;
  readonly activityThreshold: number;
  readonly autoExpire: boolean;
}

/** Applies defaults; throws RangeError for a timeout that is not a positive number or a cap below 1. */
export function resolveFlowOptions(options: FlowTableOptions): ResolvedFlowOptions {
  const resolved: ResolvedFlowOptions = {
    onFlow: options.onFlow,
    idleTimeout: options.idleTimeout ?? DEFAULT_IDLE_TIMEOUT,
    activeTimeout: options.activeTimeout ?? DEFAULT_ACTIVE_TIMEOUT,
    maxFlows: options.maxFlows ?? DEFAULT_MAX_FLOWS,
    activityThreshold: options.activityThreshold ?? DEFAULT_ACTIVITY_THRESHOLD,
    autoExpire: options.autoExpire ?? true,
  };
  for (const name of ['idleTimeout', 'activeTimeout', 'activityThreshold'] as const) {
    const value = resolved[name];
    if (!(value > 0)) throw new RangeError(`${name} must be a positive number of seconds, got ${value}`);
  }
  if (!Number.isInteger(resolved.maxFlows) || resolved.maxFlows < 1) {
    throw new RangeError(`maxFlows must be a positive integer, got ${resolved.maxFlows}`);
  }
  return resolved;
}

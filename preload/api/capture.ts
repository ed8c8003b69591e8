/**
 * Live capture: the interfaces the capture helper can open, checking a capture filter, starting
 * and stopping a capture, its live figures a few times per second, and learning this network's
 * baseline. Packets never cross the contract; figures and alerts do (alerts through `alerts:new`).
 */
import * as v from 'valibot';
import type { AnalysisSummary, ProtocolCount, TalkerCount } from './analysis';
import { request, type } from './contract';

export interface InterfaceAddress {
  readonly address: string;
  readonly family: 'IPv4' | 'IPv6';
  readonly cidr: string | null;
}

export interface CaptureInterface {
  readonly name: string;
  readonly addresses: readonly InterfaceAddress[];
  readonly mac: string | null;
  /** The kernel's operational state, e.g. `up`, `down`, `unknown` (loopback reports unknown). */
  readonly state: string;
  readonly loopback: boolean;
  readonly wireless: boolean;
}

/** Bounds shared by the contract, the CLI and the helper (helper-config.ts holds the defaults). */
export const SNAPLEN_MIN = 64;
export const SNAPLEN_MAX = 262_144;
export const BUFFER_MIN = 65_536;
export const BUFFER_MAX = 1024 * 1024 * 1024;

const InterfaceName = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:@-]{1,64}$/, 'not an interface name'));
const Filter = v.pipe(v.string(), v.maxLength(4096));

export const CaptureSettingsSchema = v.strictObject({
  interface: InterfaceName,
  /** BPF capture filter (pcap-filter(7)); empty captures everything. */
  filter: Filter,
  snaplen: v.pipe(v.number(), v.integer(), v.minValue(SNAPLEN_MIN), v.maxValue(SNAPLEN_MAX)),
  promiscuous: v.boolean(),
  bufferBytes: v.pipe(v.number(), v.integer(), v.minValue(BUFFER_MIN), v.maxValue(BUFFER_MAX)),
  /** Save the session as pcapng files in this folder, a new file past `rotateMegabytes`; null for none. */
  save: v.nullable(
    v.strictObject({
      folder: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)),
      rotateMegabytes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(65_536)),
    }),
  ),
});
export type CaptureSettings = v.InferOutput<typeof CaptureSettingsSchema>;

/** Packets counted and lost, cumulative over the capture (across helper restarts). */
export interface CaptureCounters {
  /** Packets libpcap handed to the helper. */
  readonly seen: number;
  /** Bytes on the wire of those packets. */
  readonly bytes: number;
  /**
   * Packets the kernel dropped before libpcap read them. Estimated from the interface's counters
   * (cap exposes no pcap_stats); null with a capture filter or off Linux.
   */
  readonly kernelDropped: number | null;
  /** The interface's own receive drops since the capture started; null where the OS gives none. */
  readonly interfaceDropped: number | null;
  /** Packets Wirewatch threw away because its engine fell behind. */
  readonly wirewatchDropped: number;
  /** Times the capture helper died and was restarted. */
  readonly restarts: number;
}

/** A stretch of time the capture did not see, because its helper died. */
export interface CaptureGap {
  /** Epoch seconds: when the helper was lost, and when capture resumed (null: not yet). */
  readonly from: number;
  readonly to: number | null;
  readonly reason: string;
}

/** The live figures, a few times per second. */
export interface CaptureTick {
  /** Epoch seconds. */
  readonly time: number;
  readonly packetsPerSecond: number;
  readonly bitsPerSecond: number;
  /** Protocol mix since the capture started. */
  readonly protocols: readonly ProtocolCount[];
  /** Hosts by bytes over the last few seconds. */
  readonly topTalkers: readonly TalkerCount[];
  readonly activeFlows: number;
  readonly closedFlows: number;
  /** Alerts raised (incidents) so far. */
  readonly alerts: number;
  readonly counters: CaptureCounters;
  /** Problems that do not stop the capture, so far: model scoring that fell behind and dropped flows, a crashed inference worker. */
  readonly warnings?: readonly string[];
}

/** A capture that could not start or stopped: what happened and what to do. */
export interface CaptureProblem {
  /** permission | no-device | bad-filter | capture-failed | bad-arguments | helper-lost */
  readonly code: string;
  readonly message: string;
  /** The step that fixes it (the `setcap` line, for instance), or null. */
  readonly fix: string | null;
}

export type CaptureStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'starting'; readonly settings: CaptureSettings }
  | {
      readonly state: 'running';
      readonly settings: CaptureSettings;
      /** Epoch seconds. */
      readonly since: number;
      readonly gaps: readonly CaptureGap[];
      /** Set while recording a baseline ("learn this network"). */
      readonly learning: LearningStatus | null;
    }
  | { readonly state: 'failed'; readonly settings: CaptureSettings | null; readonly problem: CaptureProblem }
  | {
      readonly state: 'stopped';
      readonly settings: CaptureSettings;
      readonly counters: CaptureCounters;
      readonly gaps: readonly CaptureGap[];
      /** pcapng files written, if the session was saved. */
      readonly files: readonly string[];
      /** The session in figures, shaped as a file analysis's summary (its session report is built from it). */
      readonly summary?: AnalysisSummary;
    };

export interface LearningStatus {
  /** Epoch seconds the baseline recording ends. */
  readonly until: number;
  /** The baseline capture being written. */
  readonly file: string;
}

/** How "learn this network" ended. */
export type LearningOutcome =
  | { readonly state: 'trained'; readonly file: string; readonly message: string }
  /** The recording exists but no trainer could run (see the message). */
  | { readonly state: 'recorded'; readonly file: string; readonly message: string }
  | { readonly state: 'failed'; readonly file: string | null; readonly message: string };

export type FilterCheck = { readonly ok: true; readonly linktype: number } | ({ readonly ok: false } & CaptureProblem);

export const captureRequests = {
  'capture:interfaces': request(v.strictTuple([]), type<readonly CaptureInterface[]>()),
  /** Compiles the filter with libpcap on the interface, exactly as a start would. */
  'capture:check-filter': request(v.strictTuple([InterfaceName, Filter]), type<FilterCheck>()),
  'capture:start': request(v.strictTuple([CaptureSettingsSchema]), type<CaptureStatus>()),
  'capture:stop': request(v.strictTuple([]), type<CaptureStatus>()),
  'capture:status': request(v.strictTuple([]), type<CaptureStatus>()),
  /** Records a baseline of the running capture for this many seconds (the page asks in minutes), then trains on it. */
  'capture:learn': request(
    v.strictTuple([v.pipe(v.number(), v.integer(), v.minValue(5), v.maxValue(24 * 3600))]),
    type<LearningStatus>(),
  ),
};

export const captureEvents = {
  'capture:tick': type<CaptureTick>(),
  'capture:status': type<CaptureStatus>(),
  'capture:learned': type<LearningOutcome>(),
};

/**
 * Analysis of capture files: recognising a file, running the packet engine over it with progress
 * and cancellation, and handing back its summary and flows. Files arrive from the drop zone, the
 * file picker, the OS (argv, open-file, a second instance), or an upload to the browser host.
 */
import * as v from 'valibot';
import type { CaptureCounters, CaptureGap } from './capture';
import { request, type } from './contract';

/** Capture formats recognised by their magic bytes, never by extension. */
export type CaptureFormat = 'pcap' | 'pcap-ns' | 'pcapng' | 'gzip';

export interface CaptureFileInfo {
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
  readonly format: CaptureFormat;
  /** Byte order of the header fields; null where the format does not fix one (gzip). */
  readonly byteOrder: 'little' | 'big' | null;
}

export interface AnalysisProgress {
  readonly id: string;
  /** Bytes of the file read so far, and its size (compressed bytes for .gz). */
  readonly bytesRead: number;
  readonly totalBytes: number;
  readonly packets: number;
  readonly flows: number;
  /** Packets per second over the analysis so far (wall clock). */
  readonly packetsPerSecond: number;
}

/** Packets and bytes of one protocol. */
export interface ProtocolCount {
  readonly protocol: string;
  readonly packets: number;
  readonly bytes: number;
}

export interface TalkerCount {
  readonly address: string;
  readonly packets: number;
  readonly bytes: number;
}

export interface ConversationCount {
  readonly a: string;
  readonly b: string;
  readonly packets: number;
  readonly bytes: number;
}

/** What stopped a read before the end of the file; the counts before it stand. */
export interface ReadProblem {
  readonly code: string;
  readonly message: string;
  /** Byte offset in the (decompressed) file where the problem was found. */
  readonly offset: number;
}

export interface AnalysisSummary {
  readonly file: CaptureFileInfo;
  readonly packets: number;
  /** Bytes on the wire (original lengths), and bytes captured (after snap length). */
  readonly wireBytes: number;
  readonly capturedBytes: number;
  /** Capture time of the first and last packet, epoch seconds; null for a capture without packets. */
  readonly firstSeen: number | null;
  readonly lastSeen: number | null;
  readonly protocols: readonly ProtocolCount[];
  readonly linkTypes: readonly { readonly linktype: number; readonly name: string; readonly packets: number }[];
  /** Packets and bytes per interval of capture time (one second, widened for long captures). */
  readonly timeline: {
    readonly start: number | null;
    readonly bucketSeconds: number;
    readonly packets: readonly number[];
    readonly bytes: readonly number[];
  };
  readonly topTalkers: readonly TalkerCount[];
  readonly topConversations: readonly ConversationCount[];
  readonly flows: { readonly total: number; readonly evicted: number };
  readonly decodeFailures: readonly { readonly reason: string; readonly count: number }[];
  /** Alerts the detectors raised (one per incident), by kind. */
  readonly alerts: {
    readonly total: number;
    readonly byKind: readonly { readonly kind: string; readonly count: number }[];
  };
  /**
   * Problems that did not stop the analysis, in words: e.g. the inference worker crashed, so the
   * models stopped scoring and the rules carried on. Absent or empty when there were none.
   */
  readonly warnings?: readonly string[];
  /** Why the read stopped early, or null when the whole file was read. */
  readonly problem: ReadProblem | null;
  readonly cancelled: boolean;
  /** Wall-clock time the analysis took, and its rate. */
  readonly elapsedMs: number;
  readonly packetsPerSecond: number;
  /** Set when the summary is of a live capture session rather than a file (its session report says so). */
  readonly live?: LiveSessionFacts;
}

/** What a live session adds to its summary: where it captured, what it lost, what it saved. */
export interface LiveSessionFacts {
  readonly interface: string;
  readonly counters: CaptureCounters;
  readonly gaps: readonly CaptureGap[];
  /** pcapng files written, if the session was saved. */
  readonly files: readonly string[];
}

/** One flow as the Analyse page's table shows it; every feature is in the CSV export. */
export interface FlowRow {
  readonly id: number;
  readonly protocol: string;
  readonly src: string;
  readonly srcPort: number;
  readonly dst: string;
  readonly dstPort: number;
  /** Epoch seconds. */
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly packets: number;
  readonly bytes: number;
  readonly fwdPackets: number;
  readonly bwdPackets: number;
  readonly fwdBytes: number;
  readonly bwdBytes: number;
  /** Why the flow ended: fin, rst, idle, active-timeout, evicted, end-of-input. */
  readonly closeReason: string;
}

const FilePath = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));
const AnalysisId = v.pipe(v.string(), v.regex(/^[a-z0-9-]{1,64}$/, 'not an analysis id'));

export const analysisRequests = {
  /**
   * Checks a file's first bytes (failing with `not-a-capture`, `empty`, `not-found` …), then starts
   * analysing it; progress and the outcome arrive as events.
   */
  'analysis:start': request(v.strictTuple([FilePath]), type<{ readonly id: string; readonly file: CaptureFileInfo }>()),
  /** Stops a running analysis; the counts so far are reported as a cancelled summary. */
  'analysis:cancel': request(v.strictTuple([AnalysisId]), type<{ readonly cancelled: boolean }>()),
  /** A page of a finished analysis's flows (kept for the most recent analyses). */
  'analysis:flows': request(
    v.strictTuple([
      AnalysisId,
      v.pipe(v.number(), v.integer(), v.minValue(0)),
      v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(20_000)),
    ]),
    type<{ readonly total: number; readonly rows: readonly FlowRow[] }>(),
  ),
  /** The demo capture shipped with the app (benign traffic with a scan, a brute force, a DNS tunnel), or null. */
  'analysis:demo': request(v.strictTuple([]), type<string | null>()),
  /** Files the OS opened before the window could listen; each is returned once. */
  'analysis:take-opened': request(v.strictTuple([]), type<readonly string[]>()),
};

export const analysisEvents = {
  /** The OS asked the running app to open a capture file (double-click, second instance). */
  'analysis:open-file': type<{ readonly path: string }>(),
  /** A few times per second while an analysis runs; never once per packet. */
  'analysis:progress': type<AnalysisProgress>(),
  /** An analysis ended: the whole file, a partial read with its problem, or a cancellation. */
  'analysis:finished': type<{ readonly id: string; readonly summary: AnalysisSummary }>(),
  /** An analysis could not run at all (not a capture, unreadable, the worker crashed). */
  'analysis:failed': type<{ readonly id: string; readonly code: string; readonly message: string }>(),
};

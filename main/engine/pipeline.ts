/**
 * The packet engine: source -> decode -> flows -> detectors -> summary, over one capture file.
 * Runs anywhere Node runs (CLI, worker thread, tests). Progress is reported a few times per second,
 * never per packet; an AbortSignal stops it between batches and the counts so far are reported.
 *
 * Bad data ends the read with the problem recorded in the summary (`problem`), keeping everything
 * read before it; a file that is no capture at all throws CaptureFileError before anything runs.
 */
import { performance } from 'node:perf_hooks';
import type { Alert, AlertOrigin } from '../../preload/api/alerts';
import type { AnalysisProgress, AnalysisSummary } from '../../preload/api/analysis';
import { DECODE_RESULT_COUNT, DECODE_RESULT_NAMES, Packet, decodeFrame, type DecodeResult } from './decode';
import { startDetection } from './detect/detection-run';
import type { DetectorFactory } from './detect/detector';
import type { FlowRecord } from './flows/flow-record';
import type { FlowTableOptions } from './flows/flow-options';
import { FlowTable } from './flows/flow-table';
import { CaptureReadError } from './sources/capture-read-error';
import { inspectCaptureFile } from './sources/inspect';
import { openCapture } from './sources/open-capture';
import { Conversations } from './summary/conversations';
import { linkTypeName } from './summary/link-types';
import { categorise, ProtocolMix } from './summary/protocol-mix';
import { Timeline } from './summary/timeline';

/** How many alerts, by kind, most first. */
export function alertCounts(alerts: readonly Alert[]): AnalysisSummary['alerts'] {
  const byKind = new Map<string, number>();
  for (const alert of alerts) byKind.set(alert.kind, (byKind.get(alert.kind) ?? 0) + 1);
  return {
    total: alerts.length,
    byKind: [...byKind].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count),
  };
}

/** The link types that carried packets, from counters indexed by link type. */
export function seenLinkTypes(counts: Float64Array): AnalysisSummary['linkTypes'] {
  const seen: { linktype: number; name: string; packets: number }[] = [];
  counts.forEach((packets, linktype) => {
    if (packets > 0) seen.push({ linktype, name: linkTypeName(linktype), packets });
  });
  return seen;
}

/** Frames that did not decode, by reason, most first, from counters indexed by DecodeResult. */
export function decodeFailureCounts(failures: Uint32Array): AnalysisSummary['decodeFailures'] {
  return [...failures]
    .map((count, code) => ({ reason: DECODE_RESULT_NAMES[code] ?? `code ${code}`, count }))
    .filter((item, code) => code !== 0 && item.count > 0)
    .sort((a, b) => b.count - a.count);
}

/**
 * Where a packet sits, for detectors that keep evidence (flow ids, file offsets). One object is
 * reused for every packet, like the Packet: copy what is kept.
 */
export interface FrameRef {
  /** Index of the frame in the capture, from 0. */
  readonly index: number;
  /** Byte offset of its record in the (decompressed) file. */
  readonly fileOffset: number;
  /** Id of the flow record it joined, 0 for none. */
  readonly flowId: number;
}

/** The hook detectors attach to. Calls are synchronous and in capture order. */
export interface PacketObserver {
  /**
   * Sees every packet; the Packet object is reused, so copy what is kept. `data` is the buffer the
   * frame's bytes lie in (Packet.payloadOffset points into it), valid only during the call: for
   * detectors that read payloads, such as DNS names. The pipeline always passes it; tests of
   * detectors that need no payload may leave it out.
   */
  onPacket(packet: Packet, result: DecodeResult, frame: FrameRef, data?: Uint8Array): void;
  /** Sees every closed flow. */
  onFlow?(flow: FlowRecord): void;
  /**
   * The input is ending: every flow still open is about to close at once, and those are the last.
   * An observer that sheds load when behind (live model scoring) handles these in full.
   */
  draining?(): void;
  /** The input has ended (or was cut short): close open windows. */
  finish?(): void;
  /**
   * For observers with work off the thread (models scoring in a worker): awaited after each batch
   * of packets, where it may hold the reader back while too much is in flight, and once more
   * after finish() with `final` true, to complete everything before the last alerts are handed over.
   */
  settle?(final: boolean): Promise<void>;
  /** Problems that did not stop the analysis (a crashed inference worker), for the summary. */
  warnings?(): readonly string[];
  /** Releases what the observer holds (a worker thread); called once the run ends, however it ends. */
  dispose?(): Promise<void>;
}

export interface PipelineOptions {
  readonly signal?: AbortSignal;
  /** Called at most every `progressIntervalMs` of wall time, and once at the end. */
  readonly onProgress?: (progress: Omit<AnalysisProgress, 'id'>) => void;
  readonly progressIntervalMs?: number;
  /** Receives every closed flow (CSV export, the window's flow table). */
  readonly onFlow?: (flow: FlowRecord) => void;
  readonly observers?: readonly PacketObserver[];
  /** Flow table settings other than its callback. */
  readonly flows?: Omit<FlowTableOptions, 'onFlow'>;
  /** Bytes per read; default 8 MiB. */
  readonly chunkBytes?: number;
  /** Awaited between batches: lets a slow consumer (a CSV file on a slow disk) push back. */
  readonly afterBatch?: () => Promise<void>;
  /** Runs the detectors; their detections become alerts handed over in batches. */
  readonly detection?: DetectionOptions;
}

export interface DetectionOptions {
  /** Where the traffic came from, for the alerts' `source`. */
  readonly origin: AlertOrigin;
  /** New and grown alerts, after each batch of packets and at the end; never once per packet. */
  readonly onAlerts?: (alerts: readonly Alert[]) => void;
  /** The detectors to run; the rule set by default. */
  readonly detectors?: readonly DetectorFactory[];
}

/** Top talkers and conversations kept in a summary. */
export const SUMMARY_TOP = 10;

/**
 * Open flows kept at once unless the caller says otherwise. A flow holds about 0.65 KB
 * (flows/flow-options.ts), so 250,000 bound the table near 160 MB and the whole analysis under
 * 300 MB of memory even when a spoofed flood opens a flow per packet; the least recently seen
 * flows are then closed as 'evicted' and counted. The flow table's own default (1,000,000) suits
 * a long-running sensor with memory to spare.
 */
export const DEFAULT_MAX_FLOWS = 250_000;

/** Disposes every observer; one that fails to let go does not keep the others from it. */
async function disposeAll(observers: readonly PacketObserver[]): Promise<void> {
  await Promise.allSettled(observers.map((observer) => observer.dispose?.() ?? Promise.resolve()));
}

export async function analyzeCapture(path: string, options: PipelineOptions = {}): Promise<AnalysisSummary> {
  const started = performance.now();
  const file = await inspectCaptureFile(path);
  // The same detection setup as live capture (detect/detection-run.ts), so whatever joins
  // detection there (rules, thresholds, models) reaches file analyses the same way.
  const detection = options.detection === undefined ? undefined : startDetection(options.detection);
  const observers = [...(options.observers ?? []), ...(detection?.detectors ?? [])];
  const settling = observers.filter((observer) => observer.settle !== undefined);
  const settle = async (final: boolean): Promise<void> => {
    for (const observer of settling) await observer.settle?.(final);
  };
  const handOverAlerts = (): void => detection?.handOver();
  const conversations = new Conversations();
  const flowsSeen = { total: 0 };
  const table = new FlowTable({
    maxFlows: DEFAULT_MAX_FLOWS,
    ...options.flows,
    onFlow: (flow) => {
      flowsSeen.total += 1;
      conversations.add(flow);
      options.onFlow?.(flow);
      for (const observer of observers) observer.onFlow?.(flow);
    },
  });
  const packet = new Packet();
  const frame: { -readonly [K in keyof FrameRef]: FrameRef[K] } = { index: 0, fileOffset: 0, flowId: 0 };
  const mix = new ProtocolMix();
  const timeline = new Timeline();
  const failures = new Uint32Array(DECODE_RESULT_COUNT);
  // Indexed by link type (16 bits in both formats): a counter per packet without a Map lookup.
  const linkTypes = new Float64Array(65536);
  let packets = 0;
  let wireBytes = 0;
  let capturedBytes = 0;
  let firstSeen = Number.POSITIVE_INFINITY;
  let lastSeen = Number.NEGATIVE_INFINITY;
  let problem: AnalysisSummary['problem'] = null;
  let cancelled = false;

  const interval = options.progressIntervalMs ?? 250;
  let lastReport = started;
  // Each batch is finished before the next is asked for, so the reader may reuse its buffers.
  const source = await openCapture(path, {
    reuseBuffers: true,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.chunkBytes === undefined ? {} : { chunkBytes: options.chunkBytes }),
  }).catch(async (error: unknown) => {
    await disposeAll(observers);
    throw error;
  });
  const report = (): void => {
    const elapsed = performance.now() - started;
    options.onProgress?.({
      bytesRead: source.bytesRead,
      totalBytes: source.totalBytes,
      packets,
      flows: flowsSeen.total + table.size,
      packetsPerSecond: elapsed > 0 ? (packets * 1000) / elapsed : 0,
    });
  };

  try {
    for await (const batch of source.batches()) {
      const { data, offsets, caplens, wirelens, seconds, nanos, linktypes, fileOffsets } = batch;
      for (let i = 0; i < batch.count; i++) {
        const linktype = linktypes[i] ?? 0;
        const caplen = caplens[i] ?? 0;
        const wirelen = wirelens[i] ?? 0;
        const second = seconds[i] ?? 0;
        // decodeFrame sets link type and caplen; time and wire length are the caller's to fill.
        packet.wirelen = wirelen;
        packet.seconds = second;
        packet.nanos = nanos[i] ?? 0;
        const result = decodeFrame(data, offsets[i] ?? 0, caplen, linktype, packet);
        failures[result] = (failures[result] ?? 0) + 1;
        linkTypes[linktype] = (linkTypes[linktype] ?? 0) + 1;
        const time = second + packet.nanos * 1e-9;
        if (time < firstSeen) firstSeen = time;
        if (time > lastSeen) lastSeen = time;
        timeline.add(time, wirelen);
        mix.add(categorise(packet, result), wirelen);
        const flowId = table.add(packet);
        if (observers.length > 0) {
          frame.index = packets;
          frame.fileOffset = fileOffsets[i] ?? 0;
          frame.flowId = flowId;
          for (const observer of observers) observer.onPacket(packet, result, frame, data);
        }
        packets += 1;
        wireBytes += wirelen;
        capturedBytes += caplen;
      }
      if (settling.length > 0) await settle(false);
      handOverAlerts();
      if (options.afterBatch !== undefined) await options.afterBatch();
      if (options.signal?.aborted === true) {
        cancelled = true;
        break;
      }
      const now = performance.now();
      if (now - lastReport >= interval) {
        lastReport = now;
        report();
      }
    }
  } catch (error) {
    if (error instanceof CaptureReadError) {
      problem = { code: error.problem, message: error.message, offset: error.offset };
    } else if (options.signal?.aborted === true) {
      cancelled = true;
    } else {
      await disposeAll(observers);
      throw error;
    }
  }

  for (const observer of observers) observer.draining?.();
  table.flush();
  for (const observer of observers) observer.finish?.();
  try {
    await settle(true);
  } finally {
    await disposeAll(observers);
  }
  handOverAlerts();
  report();
  const elapsedMs = performance.now() - started;
  const counters = table.counters();
  return {
    file,
    packets,
    wireBytes,
    capturedBytes,
    firstSeen: packets === 0 ? null : firstSeen,
    lastSeen: packets === 0 ? null : lastSeen,
    protocols: mix.snapshot(),
    linkTypes: seenLinkTypes(linkTypes),
    timeline: timeline.snapshot(),
    topTalkers: conversations.topTalkers(SUMMARY_TOP),
    topConversations: conversations.topConversations(SUMMARY_TOP),
    flows: { total: counters.closedFlows, evicted: counters.evictedFlows },
    decodeFailures: decodeFailureCounts(failures),
    alerts: alertCounts(detection?.all() ?? []),
    warnings: observers.flatMap((observer) => observer.warnings?.() ?? []),
    problem,
    cancelled,
    elapsedMs,
    packetsPerSecond: elapsedMs > 0 ? (packets * 1000) / elapsedMs : 0,
  };
}

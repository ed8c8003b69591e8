/**
 * The packet engine over a live capture: the same decode, flow table, detectors and incident book
 * as file analysis (detection set up by startDetection, so models join live capture as they join
 * files), fed batch by batch as the helper delivers them. Capture time is the packets' time; since
 * nothing arrives when the wire is quiet, a timer calls tick() to close flows whose idle timeout
 * passed and to hand over alerts and the live figures.
 */
import { performance } from 'node:perf_hooks';
import type { AnalysisSummary, LiveSessionFacts, ProtocolCount } from '../../preload/api/analysis';
import type { CaptureCounters, CaptureTick } from '../../preload/api/capture';
import { DECODE_RESULT_COUNT, Packet, decodeFrame } from '../engine/decode';
import { startDetection, type DetectionRun } from '../engine/detect/detection-run';
import type { FlowRecord } from '../engine/flows/flow-record';
import type { FlowTableOptions } from '../engine/flows/flow-options';
import { FlowTable } from '../engine/flows/flow-table';
import {
  alertCounts,
  decodeFailureCounts,
  DEFAULT_MAX_FLOWS,
  seenLinkTypes,
  SUMMARY_TOP,
  type DetectionOptions,
  type FrameRef,
  type PacketObserver,
} from '../engine/pipeline';
import type { FrameBatch } from '../engine/sources/frame-batch';
import { Conversations } from '../engine/summary/conversations';
import { categorise, ProtocolMix } from '../engine/summary/protocol-mix';
import { Timeline } from '../engine/summary/timeline';
import type { PacketRing } from './packet-ring';
import { RecentTalkers } from './recent-talkers';

export interface LivePipelineOptions {
  readonly detection: DetectionOptions;
  readonly observers?: readonly PacketObserver[];
  readonly flows?: Omit<FlowTableOptions, 'onFlow'>;
  readonly onFlow?: (flow: FlowRecord) => void;
  /** Keeps recent packets for alert evidence. */
  readonly ring?: PacketRing;
}

const TOP_TALKERS = 10;

export class LivePipeline {
  readonly #detection: DetectionRun;
  readonly #observers: readonly PacketObserver[];
  readonly #table: FlowTable;
  readonly #packet = new Packet();
  readonly #frame: { -readonly [K in keyof FrameRef]: FrameRef[K] } = { index: 0, fileOffset: 0, flowId: 0 };
  readonly #mix = new ProtocolMix();
  readonly #talkers = new RecentTalkers();
  readonly #failures = new Uint32Array(DECODE_RESULT_COUNT);
  readonly #ring: PacketRing | undefined;
  // For the session's summary (its report), as a file analysis keeps them: all bounded in memory.
  readonly #timeline = new Timeline();
  readonly #conversations = new Conversations();
  readonly #linkTypes = new Float64Array(65536);
  readonly #started = performance.now();
  #capturedBytes = 0;
  #firstSeen = Number.POSITIVE_INFINITY;
  #lastSeen = Number.NEGATIVE_INFINITY;
  #packets = 0;
  #bytes = 0;
  #closedFlows = 0;
  #lastTick = { wall: 0, packets: 0, bytes: 0 };
  #finished = false;
  /** Observers with work off the thread (model scoring), and whether a settle is under way. */
  readonly #settling: readonly PacketObserver[];
  #settlePending = false;

  constructor(options: LivePipelineOptions) {
    this.#detection = startDetection(options.detection);
    this.#observers = [...(options.observers ?? []), ...this.#detection.detectors];
    this.#settling = this.#observers.filter((observer) => observer.settle !== undefined);
    this.#ring = options.ring;
    this.#table = new FlowTable({
      maxFlows: DEFAULT_MAX_FLOWS,
      ...options.flows,
      onFlow: (flow) => {
        this.#closedFlows += 1;
        this.#conversations.add(flow);
        options.onFlow?.(flow);
        for (const observer of this.#observers) observer.onFlow?.(flow);
      },
    });
  }

  get packets(): number {
    return this.#packets;
  }

  /** Runs one batch through the engine and hands over the alerts it raised or grew. */
  addBatch(batch: FrameBatch): void {
    const packet = this.#packet;
    const frame = this.#frame;
    const { data, offsets, caplens, wirelens, seconds, nanos, linktypes } = batch;
    for (let i = 0; i < batch.count; i++) {
      const offset = offsets[i] ?? 0;
      const caplen = caplens[i] ?? 0;
      const linktype = linktypes[i] ?? 0;
      packet.wirelen = wirelens[i] ?? 0;
      packet.seconds = seconds[i] ?? 0;
      packet.nanos = nanos[i] ?? 0;
      const result = decodeFrame(data, offset, caplen, linktype, packet);
      this.#failures[result] = (this.#failures[result] ?? 0) + 1;
      this.#linkTypes[linktype] = (this.#linkTypes[linktype] ?? 0) + 1;
      const time = packet.seconds + packet.nanos * 1e-9;
      if (time < this.#firstSeen) this.#firstSeen = time;
      if (time > this.#lastSeen) this.#lastSeen = time;
      this.#timeline.add(time, packet.wirelen);
      this.#capturedBytes += caplen;
      this.#mix.add(categorise(packet, result), packet.wirelen);
      this.#talkers.add(packet);
      const flowId = this.#table.add(packet);
      frame.index = this.#packets;
      frame.flowId = flowId;
      for (const observer of this.#observers) observer.onPacket(packet, result, frame, data);
      this.#ring?.add(data, offset, packet, flowId);
      this.#packets += 1;
      this.#bytes += packet.wirelen;
    }
    this.#detection.handOver();
  }

  /**
   * The timer's turn (`now` in epoch seconds, the clock the helper stamps packets with): closes
   * flows idle past their timeout, hands over alerts, and returns the live figures.
   */
  tick(now: number, counters: CaptureCounters): CaptureTick {
    if (!this.#finished) this.#table.expire(now);
    this.#detection.handOver();
    this.#settleInBackground();
    this.#talkers.roll(now);
    const last = this.#lastTick;
    const elapsed = last.wall === 0 ? 0 : now - last.wall;
    const packetsPerSecond = elapsed > 0 ? (this.#packets - last.packets) / elapsed : 0;
    const bitsPerSecond = elapsed > 0 ? ((this.#bytes - last.bytes) * 8) / elapsed : 0;
    this.#lastTick = { wall: now, packets: this.#packets, bytes: this.#bytes };
    const protocols: ProtocolCount[] = this.#mix.snapshot();
    return {
      time: now,
      packetsPerSecond,
      bitsPerSecond,
      protocols,
      topTalkers: this.#talkers.top(TOP_TALKERS),
      activeFlows: this.#table.size,
      closedFlows: this.#closedFlows,
      alerts: this.#detection.all().length,
      counters,
      warnings: this.warnings(),
    };
  }

  /**
   * The capture ended: closes every flow and window, lets model scoring complete, releases what
   * the observers hold, and hands over the last alerts.
   */
  async finish(): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    for (const observer of this.#observers) observer.draining?.();
    this.#table.flush();
    for (const observer of this.#observers) observer.finish?.();
    try {
      for (const observer of this.#settling) await observer.settle?.(true);
    } finally {
      await Promise.allSettled(this.#observers.map((observer) => observer.dispose?.() ?? Promise.resolve()));
      this.#detection.handOver();
    }
  }

  /** Problems that did not stop the capture (a crashed inference worker). */
  warnings(): string[] {
    return this.#observers.flatMap((observer) => observer.warnings?.() ?? []);
  }

  /**
   * Gives model scoring its turn on the timer: file analysis awaits it between batches, but the
   * live stream cannot wait, so one settle runs at a time and its alerts are handed over when it
   * is done. Where scoring falls behind the wire, the flows waiting for it are bounded and the
   * oldest dropped and counted (model-detector.ts, maxQueuedFlows), shown in the tick's warnings.
   */
  #settleInBackground(): void {
    if (this.#settlePending || this.#finished || this.#settling.length === 0) return;
    this.#settlePending = true;
    const settle = async (): Promise<void> => {
      for (const observer of this.#settling) await observer.settle?.(false);
    };
    settle()
      .catch((error: unknown) => console.error('[capture] model scoring failed:', error))
      .finally(() => {
        this.#settlePending = false;
        this.#detection.handOver();
      });
  }

  /**
   * The session in figures, shaped as a file analysis's summary so it takes the same session-report
   * path; `live` says where it was captured. Complete once finish() has run.
   */
  summary(live: LiveSessionFacts): AnalysisSummary {
    const packets = this.#packets;
    const elapsedMs = performance.now() - this.#started;
    const counters = this.#table.counters();
    return {
      file: {
        path: `live:${live.interface}`,
        name: `live capture on ${live.interface}`,
        bytes: this.#capturedBytes,
        format: 'pcapng',
        byteOrder: null,
      },
      packets,
      wireBytes: this.#bytes,
      capturedBytes: this.#capturedBytes,
      firstSeen: packets === 0 ? null : this.#firstSeen,
      lastSeen: packets === 0 ? null : this.#lastSeen,
      protocols: this.#mix.snapshot(),
      linkTypes: seenLinkTypes(this.#linkTypes),
      timeline: this.#timeline.snapshot(),
      topTalkers: this.#conversations.topTalkers(SUMMARY_TOP),
      topConversations: this.#conversations.topConversations(SUMMARY_TOP),
      flows: { total: counters.closedFlows, evicted: counters.evictedFlows },
      decodeFailures: decodeFailureCounts(this.#failures),
      alerts: alertCounts(this.#detection.all()),
      warnings: this.warnings(),
      problem: null,
      cancelled: false,
      elapsedMs,
      packetsPerSecond: elapsedMs > 0 ? (packets * 1000) / elapsedMs : 0,
      live,
    };
  }

  /** Every alert of the capture so far. */
  alerts(): ReturnType<DetectionRun['all']> {
    return this.#detection.all();
  }
}

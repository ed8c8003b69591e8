/**
 * One live capture, end to end, in the process that runs the engine (the CLI, or the live worker
 * thread under the app): the supervised capture helper delivers batches, the live pipeline decodes
 * them, builds flows and runs detection, the packet ring keeps recent packets for evidence, and
 * the session (or a baseline recording) is optionally written as pcapng. A timer a few times per
 * second closes idle flows and reports the live figures.
 */
import type { Alert } from '../../preload/api/alerts';
import type { AnalysisSummary } from '../../preload/api/analysis';
import type { CaptureCounters, CaptureGap, CaptureProblem, CaptureTick } from '../../preload/api/capture';
import type { DetectorFactory } from '../engine/detect/detector';
import type { FlowRecord } from '../engine/flows/flow-record';
import type { FrameBatch } from '../engine/sources/frame-batch';
import { CaptureSupervisor } from './capture-supervisor';
import type { HelperLaunch } from './helper-launch';
import type { HelperConfig } from './helper-protocol';
import { LivePipeline } from './live-pipeline';
import { PacketRing, type PacketEvidence, type PacketRingOptions } from './packet-ring';
import { PcapngSessionWriter, sessionFileNames } from './pcapng-session-writer';

/** Four times a second: smooth charts, and an alert waits at most this long for its hand-over. */
export const TICK_MS = 250;

export interface LiveCaptureOptions {
  readonly launch: HelperLaunch;
  readonly config: HelperConfig;
  /** The detectors; the rule set by default. */
  readonly detectors?: readonly DetectorFactory[];
  readonly onAlerts?: (alerts: readonly Alert[]) => void;
  readonly onTick?: (tick: CaptureTick) => void;
  readonly onGap?: (gap: CaptureGap) => void;
  /** The capture stopped by itself (its helper kept dying); stop() is still to be called. */
  readonly onFailed?: (problem: CaptureProblem) => void;
  readonly onFlow?: (flow: FlowRecord) => void;
  /** Write the session as pcapng (file n named by `fileName`), rotating at this size. */
  readonly save?: { readonly fileName: (n: number) => string; readonly rotateBytes: number } | null;
  /** Packet ring for evidence; false for none. */
  readonly ring?: PacketRingOptions | false;
  readonly tickMs?: number;
}

export interface LiveCaptureResult {
  readonly counters: CaptureCounters;
  readonly gaps: readonly CaptureGap[];
  readonly files: readonly string[];
  readonly alerts: readonly Alert[];
  /** Problems that did not stop the capture (model scoring that failed). */
  readonly warnings: readonly string[];
  /** The session in figures, shaped as a file analysis's summary, for its session report. */
  readonly summary: AnalysisSummary;
}

interface Recording {
  readonly writer: PcapngSessionWriter;
  readonly until: number;
  readonly done: (files: readonly string[]) => void;
}

export class LiveCapture {
  readonly #options: LiveCaptureOptions;
  readonly #pipeline: LivePipeline;
  readonly #supervisor: CaptureSupervisor;
  readonly #ring: PacketRing | undefined;
  #session: PcapngSessionWriter | undefined;
  #recording: Recording | undefined;
  #timer: NodeJS.Timeout | undefined;
  #failed = false;

  private constructor(options: LiveCaptureOptions) {
    this.#options = options;
    this.#ring = options.ring === false ? undefined : new PacketRing(options.ring);
    this.#pipeline = new LivePipeline({
      detection: {
        origin: { type: 'live', interface: options.config.interface },
        ...(options.detectors === undefined ? {} : { detectors: options.detectors }),
        ...(options.onAlerts === undefined ? {} : { onAlerts: options.onAlerts }),
      },
      ...(this.#ring === undefined ? {} : { ring: this.#ring }),
      ...(options.onFlow === undefined ? {} : { onFlow: options.onFlow }),
    });
    this.#supervisor = new CaptureSupervisor(options.launch, options.config, {
      onBatch: (batch) => this.#batch(batch),
      ...(options.onGap === undefined ? {} : { onGap: options.onGap }),
      onFailed: (problem) => {
        this.#failed = true;
        options.onFailed?.(problem);
      },
    });
  }

  /** Starts capturing; rejects with CaptureStartError (permission, filter, interface) when it cannot. */
  static async start(options: LiveCaptureOptions): Promise<LiveCapture> {
    const capture = new LiveCapture(options);
    await capture.#supervisor.start();
    capture.#timer = setInterval(() => capture.#tick(), options.tickMs ?? TICK_MS);
    return capture;
  }

  /** Recent packets, for alert evidence. */
  get evidence(): PacketEvidence | undefined {
    return this.#ring;
  }

  /** The capture helper's pid while one runs (tests kill it to check supervision). */
  get helperPid(): number | undefined {
    return this.#supervisor.pid;
  }

  get failed(): boolean {
    return this.#failed;
  }

  counters(): CaptureCounters {
    return this.#supervisor.counters();
  }

  /**
   * Writes what is captured from now for `seconds` into a pcapng file in `folder` (a baseline of
   * this network); resolves with the file once the time is up or the capture stops.
   */
  recordBaseline(folder: string, seconds: number): { file: string; done: Promise<readonly string[]> } {
    if (this.#recording !== undefined) throw new Error('a baseline is already being recorded');
    const writer = new PcapngSessionWriter({
      fileName: sessionFileNames(folder, `${this.#options.config.interface}-baseline`),
      linktype: this.#supervisor.linktype,
      snaplen: this.#options.config.snaplen,
      rotateBytes: Number.MAX_SAFE_INTEGER,
    });
    let done: (files: readonly string[]) => void = () => undefined;
    const finished = new Promise<readonly string[]>((resolve) => (done = resolve));
    this.#recording = { writer, until: Date.now() / 1000 + seconds, done };
    return { file: writer.open(), done: finished };
  }

  /** Stops the helper, closes every flow, hands over the last alerts. */
  async stop(): Promise<LiveCaptureResult> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#supervisor.stop();
    await this.#pipeline.finish();
    this.#tick();
    this.#session?.close();
    this.#endRecording();
    const counters = this.#supervisor.counters();
    const gaps = [...this.#supervisor.gaps];
    const files = [...(this.#session?.files ?? [])];
    return {
      counters,
      gaps,
      files,
      alerts: this.#pipeline.alerts(),
      warnings: this.#pipeline.warnings(),
      summary: this.#pipeline.summary({ interface: this.#options.config.interface, counters, gaps, files }),
    };
  }

  #batch(batch: FrameBatch): void {
    try {
      this.#pipeline.addBatch(batch);
    } catch (error) {
      // A detector or decoder bug must not end the capture: the batch is counted as dropped.
      this.#supervisor.countDropped(batch.count);
      process.emitWarning(
        `live pipeline failed on a batch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    const save = this.#options.save;
    if (save !== undefined && save !== null) {
      this.#session ??= new PcapngSessionWriter({
        fileName: save.fileName,
        linktype: batch.linktypes[0] ?? 1,
        snaplen: this.#options.config.snaplen,
        rotateBytes: save.rotateBytes,
      });
      this.#session.write(batch);
    }
    this.#recording?.writer.write(batch);
  }

  #tick(): void {
    const now = Date.now() / 1000;
    this.#options.onTick?.(this.#pipeline.tick(now, this.#supervisor.counters()));
    if (this.#recording !== undefined && now >= this.#recording.until) this.#endRecording();
  }

  #endRecording(): void {
    const recording = this.#recording;
    if (recording === undefined) return;
    this.#recording = undefined;
    recording.writer.close();
    recording.done(recording.writer.files);
  }
}

/**
 * Runs capture-file analyses in worker threads (decoding and flow building never block the main
 * thread), relays their progress and outcome as events, and keeps the flows of recent analyses for
 * the window to page through. A worker that crashes fails its analysis with a clear message; the
 * app, other analyses and stored alerts are untouched.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { FlowRow } from '../../preload/api/analysis';
import { ContractError } from '../../preload/api/errors';
import { CaptureFileError, inspectCaptureFile } from '../engine/sources/inspect';
import type { ThresholdAssignments } from '../engine/detect/threshold-catalogue';
import type { FromAnalysisWorker, ToAnalysisWorker } from '../engine/worker/analysis-messages';
import type { AlertPublisher } from '../alerts/alert-publisher';
import type { EventHub } from '../ipc/events';

/** Analyses whose flows stay in memory for paging; older ones are forgotten. */
const RECENT_ANALYSES = 4;
/** Analyses running at once; more wait their turn (2 cores: a third would only slow the others). */
const CONCURRENT_ANALYSES = 2;

interface Running {
  readonly worker: Worker;
  cancel(): void;
}

export class AnalysisService {
  readonly #running = new Map<string, Running>();
  readonly #flows = new Map<string, FlowRow[]>();
  readonly #queue: { id: string; path: string; thresholds: ThresholdAssignments }[] = [];
  #active = 0;

  constructor(
    private readonly events: EventHub,
    private readonly workerPath: string,
    /** Where the analyses' alerts go: the outbox, the windows, notifications. */
    private readonly alerts: AlertPublisher,
    /** The rule thresholds set in Settings, read when an analysis is started (defaults: none set). */
    private readonly thresholds: () => Promise<ThresholdAssignments> = () => Promise.resolve({}),
    /** The data folder, whose `models/` holds the user's own models (the app's default folder when absent). */
    private readonly dataDir?: string,
  ) {}

  /** Checks the file, then starts (or queues) its analysis; resolves with the analysis id. */
  async start(path: string): Promise<{ id: string; file: Awaited<ReturnType<typeof inspectCaptureFile>> }> {
    const file = await inspectCaptureFile(path).catch((error: unknown) => {
      if (error instanceof CaptureFileError) throw new ContractError(error.problem, error.message);
      throw error;
    });
    const thresholds = await this.thresholds();
    const id = randomUUID();
    this.#flows.set(id, []);
    this.#trimRecent();
    this.#queue.push({ id, path, thresholds });
    this.#next();
    return { id, file };
  }

  /** Stops a running analysis (its summary so far follows) or drops a queued one. */
  cancel(id: string): boolean {
    const running = this.#running.get(id);
    if (running !== undefined) {
      running.cancel();
      return true;
    }
    const queued = this.#queue.findIndex((entry) => entry.id === id);
    if (queued === -1) return false;
    this.#queue.splice(queued, 1);
    this.events.emit('analysis:failed', { id, code: 'cancelled', message: 'cancelled before it started' });
    return true;
  }

  flows(id: string, offset: number, limit: number): { total: number; rows: FlowRow[] } {
    const rows = this.#flows.get(id);
    if (rows === undefined) throw new ContractError('not-found', `no flows are kept for analysis ${id}`);
    return { total: rows.length, rows: rows.slice(offset, offset + limit) };
  }

  /** Ends every running analysis (app quitting). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#running.values()].map((running) => running.worker.terminate()));
  }

  #next(): void {
    while (this.#active < CONCURRENT_ANALYSES) {
      const entry = this.#queue.shift();
      if (entry === undefined) return;
      this.#active += 1;
      this.#run(entry.id, entry.path, entry.thresholds);
    }
  }

  #run(id: string, path: string, thresholds: ThresholdAssignments): void {
    const worker = new Worker(this.workerPath);
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      this.#running.delete(id);
      this.#active -= 1;
      this.#next();
    };
    const send = (message: ToAnalysisWorker): void => worker.postMessage(message);

    worker.on('message', (message: FromAnalysisWorker) => {
      switch (message.type) {
        case 'progress':
          this.events.emit('analysis:progress', message.progress);
          return;
        case 'flows':
          this.#flows.get(id)?.push(...message.rows);
          return;
        case 'alerts':
          this.alerts.publish(message.alerts);
          return;
        case 'finished':
          settle();
          this.events.emit('analysis:finished', { id, summary: message.summary });
          void worker.terminate();
          return;
        case 'failed':
          settle();
          this.events.emit('analysis:failed', { id, code: message.code, message: message.message });
          void worker.terminate();
          return;
      }
    });
    // A worker that dies without reporting fails its analysis; 'error' comes before 'exit'.
    const crashed = (message: string): void => {
      if (settled) return;
      settle();
      this.events.emit('analysis:failed', { id, code: 'worker-crashed', message });
    };
    worker.on('error', (error) => crashed(`the analysis worker crashed: ${error.message}`));
    worker.on('exit', (code) => crashed(`the analysis worker stopped unexpectedly (exit code ${code})`));

    this.#running.set(id, { worker, cancel: () => send({ type: 'cancel' }) });
    send({ type: 'start', id, path, thresholds, ...(this.dataDir === undefined ? {} : { dataDir: this.dataDir }) });
  }

  #trimRecent(): void {
    const ids = [...this.#flows.keys()];
    for (const id of ids.slice(0, Math.max(0, ids.length - RECENT_ANALYSES))) {
      if (!this.#running.has(id)) this.#flows.delete(id);
    }
  }
}

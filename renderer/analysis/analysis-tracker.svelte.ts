/**
 * Follows every analysis main runs, whichever page is showing: live progress in memory, the outcome
 * and the flows in Dexie, so a finished analysis can be reopened after a reload or a restart.
 */
import type { AnalysisProgress, CaptureFileInfo, WirewatchApi } from '../../preload/api';
import type { AnalysisRecord, WirewatchDatabase } from '../db/database';

/** Flow rows fetched per call when copying a finished analysis's flows into Dexie. */
const FLOW_PAGE = 20_000;

export class AnalysisTracker {
  /** Progress of running analyses by id; removed when they end. */
  progress = $state<Record<string, AnalysisProgress>>({});
  /** Ids whose flows are still being copied into Dexie. */
  copyingFlows = $state<Record<string, boolean>>({});

  readonly #api: WirewatchApi;
  readonly #db: WirewatchDatabase;
  readonly #onError: (title: string, error: unknown) => void;
  // Bookkeeping between two async steps, never rendered: a plain Map on purpose, not SvelteMap.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  readonly #early = new Map<string, Partial<AnalysisRecord>>();

  constructor(api: WirewatchApi, db: WirewatchDatabase, onError: (title: string, error: unknown) => void) {
    this.#api = api;
    this.#db = db;
    this.#onError = onError;
  }

  /** Subscribes to main's analysis events; returns the function that stops listening. */
  listen(): () => void {
    const stops = [
      this.#api.on('analysis:progress', (progress) => {
        this.progress = { ...this.progress, [progress.id]: progress };
      }),
      this.#api.on('analysis:finished', ({ id, summary }) => {
        this.#end(id);
        this.#store(id, { file: summary.file, status: 'done', summary })
          .then(() => this.#copyFlows(id))
          .catch((error: unknown) => this.#onError('The analysis could not be stored', error));
      }),
      this.#api.on('analysis:failed', ({ id, message }) => {
        this.#end(id);
        this.#store(id, { status: 'failed', error: message }).catch((error: unknown) =>
          this.#onError('The analysis could not be stored', error),
        );
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }

  /** Starts analysing a file main can read; records it at once so it is listed even if it fails. */
  async start(path: string): Promise<string> {
    const { id, file } = await this.#api.invoke('analysis:start', path);
    await this.#record(id, file);
    return id;
  }

  async cancel(id: string): Promise<void> {
    await this.#api.invoke('analysis:cancel', id);
  }

  /**
   * Records a started analysis, unless its outcome already arrived (a tiny file can finish first).
   * #record and #store each run in a read-write transaction on `analyses`, which IndexedDB runs one
   * after the other: an outcome is either applied to the stored record or parked in #early before
   * #record looks there, never lost between the two (it was, when the outcome's update ran between
   * #record's look at #early and its add).
   */
  async #record(id: string, file: CaptureFileInfo): Promise<void> {
    await this.#db.transaction('rw', this.#db.analyses, async () => {
      if ((await this.#db.analyses.get(id)) !== undefined) return;
      const early = this.#early.get(id);
      this.#early.delete(id);
      await this.#db.analyses.add({
        id,
        file,
        status: 'running',
        started_at: Date.now(),
        finished_at: null,
        summary: null,
        error: null,
        ...early,
      });
    });
  }

  /** Stores an outcome; one that arrives before its analysis was recorded waits for #record. */
  async #store(id: string, outcome: Partial<AnalysisRecord>): Promise<void> {
    const changes = { ...outcome, finished_at: Date.now() };
    await this.#db.transaction('rw', this.#db.analyses, async () => {
      const updated = await this.#db.analyses.update(id, changes);
      if (updated === 0) this.#early.set(id, changes);
    });
  }

  #end(id: string): void {
    const { [id]: _ended, ...rest } = this.progress;
    this.progress = rest;
  }

  async #copyFlows(id: string): Promise<void> {
    this.copyingFlows = { ...this.copyingFlows, [id]: true };
    try {
      for (let offset = 0; ; offset += FLOW_PAGE) {
        const page = await this.#api.invoke('analysis:flows', id, offset, FLOW_PAGE);
        await this.#db.flows.bulkPut(page.rows.map((row) => ({ ...row, analysisId: id })));
        if (offset + FLOW_PAGE >= page.total) break;
      }
    } finally {
      const { [id]: _done, ...rest } = this.copyingFlows;
      this.copyingFlows = rest;
    }
  }
}

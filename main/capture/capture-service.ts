/**
 * Main's side of live capture: one capture at a time, run in the live worker thread (which starts
 * and supervises the capture helper), its alerts published through the AlertPublisher like any
 * other, its figures and status relayed as events. Lists interfaces and checks filters through the
 * helper itself, so they are what the helper will see (its namespace, its permissions).
 */
import { Worker } from 'node:worker_threads';
import type { AlertPublisher } from '../alerts/alert-publisher';
import type { EventHub } from '../ipc/events';
import { ContractError } from '../../preload/api/errors';
import type {
  CaptureGap,
  CaptureInterface,
  CaptureSettings,
  CaptureStatus,
  FilterCheck,
  LearningOutcome,
  LearningStatus,
} from '../../preload/api/capture';
import { problemFromHelper } from './capture-problem';
import { checkHelperConfig } from './helper-config';
import { launcherFromEnvironment, runHelper, type HelperLaunch } from './helper-launch';
import { decodeHelperOutput } from './helper-output';
import type { HelperConfig } from './helper-protocol';
import { listCaptureInterfaces } from './interfaces';
import type { FromLiveWorker, ToLiveWorker } from './live-worker-messages';
import type { EvidencePackets, EvidenceQuery } from './packet-ring';
import type { ThresholdAssignments } from '../engine/detect/threshold-catalogue';
import type { EvidenceSource } from '../evidence/evidence-source';
import { RingEvidenceSource } from './ring-evidence-source';

/**
 * Trains the per-network model on a baseline capture file. Supplied by the models side (`wirewatch
 * train --baseline`); without one, "learn this network" records the baseline and says so.
 */
export type BaselineTrainer = (file: string) => Promise<{ readonly message: string }>;

export interface CaptureServicePaths {
  /** The rule thresholds set in Settings, read when a capture starts. */
  readonly thresholds?: () => Promise<ThresholdAssignments>;
  /** Where live captures offer their packet ring for alert evidence (View Alerts' "save packets"). */
  readonly evidence?: { registerLiveSource(interfaceName: string, source: EvidenceSource): () => void };
  /** dist/main/live-worker.cjs */
  readonly worker: string;
  /** dist/main/capture-helper.cjs */
  readonly helper: string;
  /** Where "learn this network" writes its baseline captures. */
  readonly baselineFolder: string;
  /** The data folder, whose models folder holds the user's own models; null for shipped models only. */
  readonly dataDir?: string | null;
  /** Trains the per-network model on a recorded baseline; without one the recording is kept and said so. */
  readonly trainer?: BaselineTrainer;
}

interface Session {
  readonly worker: Worker;
  readonly settings: CaptureSettings;
  since: number;
  gaps: CaptureGap[];
  learning: LearningStatus | null;
  helperPid: number | null;
  /** Withdraws the packet ring from the evidence service. */
  unregister: () => void;
}

export class CaptureService {
  #status: CaptureStatus = { state: 'idle' };
  #session: Session | undefined;
  #trainer: BaselineTrainer | undefined;
  #evidenceId = 0;
  readonly #evidence = new Map<number, (result: EvidencePackets | null) => void>();
  #stopped: ((status: CaptureStatus) => void) | undefined;

  constructor(
    private readonly events: EventHub,
    private readonly alerts: AlertPublisher,
    private readonly paths: CaptureServicePaths,
  ) {
    this.#trainer = paths.trainer;
  }

  /** Plugs in the baseline trainer (the models side), replacing any before. */
  setBaselineTrainer(trainer: BaselineTrainer | undefined): void {
    this.#trainer = trainer;
  }

  get #launch(): HelperLaunch {
    return { script: this.paths.helper, launcher: launcherFromEnvironment() };
  }

  status(): CaptureStatus {
    return this.#status;
  }

  /** The capture helper's pid while a capture runs (supervision tests kill it). */
  get helperPid(): number | null {
    return this.#session?.helperPid ?? null;
  }

  /** The interfaces as the helper sees them; this process's view if the helper cannot run. */
  async interfaces(): Promise<CaptureInterface[]> {
    // Twice before giving up: on a loaded machine a namespace's mounts can be busy for a moment.
    for (let attempt = 1; attempt <= 2; attempt++) {
      const result = await runHelper(this.#launch, ['--list']).catch((error: unknown) => ({
        stdout: Buffer.alloc(0),
        stderr: String(error),
        code: null,
      }));
      if (result.code === 0) {
        try {
          return JSON.parse(result.stdout.toString('utf8')) as CaptureInterface[];
        } catch (error) {
          console.error('[capture] the helper listed interfaces unreadably:', error);
        }
      } else {
        console.error(`[capture] the helper could not list interfaces (attempt ${attempt}): ${result.stderr.trim()}`);
      }
    }
    return listCaptureInterfaces();
  }

  async checkFilter(interfaceName: string, filter: string): Promise<FilterCheck> {
    const config = this.#config({ interface: interfaceName, filter });
    const result = await runHelper(this.#launch, ['--check', JSON.stringify(config)]);
    const answer = decodeHelperOutput(result.stdout).at(-1);
    if (answer?.type === 'checked') return { ok: true, linktype: answer.linktype };
    if (answer?.type === 'error') return { ok: false, ...problemFromHelper(interfaceName, answer) };
    return {
      ok: false,
      code: 'capture-failed',
      message: `The capture helper failed: ${result.stderr.trim()}`,
      fix: null,
    };
  }

  /** Starts a capture; resolves with `running`, or `failed` with what to do about it. */
  async start(settings: CaptureSettings): Promise<CaptureStatus> {
    this.#assertIdle();
    const config = this.#config(settings);
    const thresholds = (await this.paths.thresholds?.()) ?? {};
    // Another start may have run while the thresholds were read.
    this.#assertIdle();
    const worker = new Worker(this.paths.worker);
    const session: Session = {
      worker,
      settings,
      since: Date.now() / 1000,
      gaps: [],
      learning: null,
      helperPid: null,
      unregister: () => undefined,
    };
    this.#session = session;
    this.#setStatus({ state: 'starting', settings });
    return new Promise((resolve) => {
      let started = false;
      worker.on('message', (message: FromLiveWorker) => {
        switch (message.type) {
          case 'started':
            started = true;
            session.helperPid = message.helperPid;
            session.since = Date.now() / 1000;
            session.unregister =
              this.paths.evidence?.registerLiveSource(
                settings.interface,
                new RingEvidenceSource(settings.interface, (query) => this.evidence(query)),
              ) ?? (() => undefined);
            resolve(this.#running(session));
            return;
          case 'start-failed':
            this.#end(session, { state: 'failed', settings, problem: message.problem });
            resolve(this.#status);
            return;
          default:
            this.#fromWorker(session, message);
        }
      });
      worker.on('error', (error) => console.error('[capture] the live worker failed:', error));
      worker.on('exit', (code) => {
        if (this.#session !== session) return;
        const problem = {
          code: 'engine-lost',
          message: `The live capture engine stopped (exit code ${code}).`,
          fix: null,
        };
        this.#end(session, { state: 'failed', settings, problem });
        if (!started) resolve(this.#status);
        // A stop() waiting for the engine's answer gets the failure instead.
        const stopping = this.#stopped;
        this.#stopped = undefined;
        stopping?.(this.#status);
      });
      this.#post(session, {
        type: 'start',
        config,
        thresholds,
        dataDir: this.paths.dataDir ?? null,
        helper: this.paths.helper,
        launcher: launcherFromEnvironment(),
        save:
          settings.save === null
            ? null
            : { folder: settings.save.folder, rotateBytes: settings.save.rotateMegabytes * 1024 * 1024 },
      });
    });
  }

  /** Stops the capture; resolves with `stopped` and its final counters. */
  stop(): Promise<CaptureStatus> {
    const session = this.#session;
    if (session === undefined) return Promise.resolve(this.#status);
    return new Promise((resolve) => {
      this.#stopped = resolve;
      this.#post(session, { type: 'stop' });
    });
  }

  /** The recent packets of the running capture matching `query`; null when none runs. */
  evidence(query: EvidenceQuery): Promise<EvidencePackets | null> {
    const session = this.#session;
    if (session === undefined) return Promise.resolve(null);
    const id = ++this.#evidenceId;
    return new Promise((resolve) => {
      this.#evidence.set(id, resolve);
      this.#post(session, { type: 'evidence', id, query });
    });
  }

  /** Records a baseline for `seconds`, then trains on it (capture:learned tells how it went). */
  learn(seconds: number): Promise<LearningStatus> {
    const session = this.#session;
    if (session === undefined || this.#status.state !== 'running') {
      throw new ContractError('not-running', 'start a capture first: the baseline is recorded from it');
    }
    if (session.learning !== null) throw new ContractError('busy', 'a baseline is already being recorded');
    return new Promise((resolve) => {
      const listener = (message: FromLiveWorker): void => {
        if (message.type !== 'baseline-started') return;
        session.worker.off('message', listener);
        session.learning = { until: Date.now() / 1000 + seconds, file: message.file };
        this.#running(session);
        resolve(session.learning);
      };
      session.worker.on('message', listener);
      this.#post(session, { type: 'record-baseline', folder: this.paths.baselineFolder, seconds });
    });
  }

  #fromWorker(session: Session, message: FromLiveWorker): void {
    switch (message.type) {
      case 'tick':
        this.events.emit('capture:tick', message.tick);
        return;
      case 'alerts':
        this.alerts.publish(message.alerts);
        return;
      case 'gap': {
        session.helperPid = message.helperPid;
        const at = session.gaps.findIndex((gap) => gap.from === message.gap.from);
        if (at === -1) session.gaps.push(message.gap);
        else session.gaps[at] = message.gap;
        this.#running(session);
        return;
      }
      case 'failed':
        // The helper kept dying: stop the engine cleanly (its alerts are kept), then report why.
        this.#post(session, { type: 'stop' });
        this.#stopped = () =>
          this.#setStatus({ state: 'failed', settings: session.settings, problem: message.problem });
        return;
      case 'stopped': {
        const stopped: CaptureStatus = {
          state: 'stopped',
          settings: session.settings,
          counters: message.counters,
          gaps: message.gaps,
          files: message.files,
          // Notifications build the session report from it (notify-wiring.ts).
          ...(message.summary === null ? {} : { summary: message.summary }),
        };
        this.#end(session, stopped);
        const resolve = this.#stopped;
        this.#stopped = undefined;
        resolve?.(stopped);
        return;
      }
      case 'warning':
        console.warn(`[capture] ${message.message}`);
        return;
      case 'evidence':
        this.#evidence.get(message.id)?.(message.result);
        this.#evidence.delete(message.id);
        return;
      case 'baseline-recorded':
        session.learning = null;
        if (this.#session === session) this.#running(session);
        void this.#train(message.files[0] ?? null);
        return;
      case 'started':
      case 'start-failed':
      case 'baseline-started':
        return;
    }
  }

  async #train(file: string | null): Promise<void> {
    let outcome: LearningOutcome;
    if (file === null) {
      outcome = { state: 'failed', file: null, message: 'No baseline was recorded.' };
    } else if (this.#trainer === undefined) {
      outcome = {
        state: 'recorded',
        file,
        message: `Baseline recorded to ${file}. No baseline trainer is installed in this build, so nothing was trained yet: run \`wirewatch train --baseline ${file}\` when it is available.`,
      };
    } else {
      try {
        const { message } = await this.#trainer(file);
        outcome = { state: 'trained', file, message };
      } catch (error) {
        outcome = {
          state: 'failed',
          file,
          message: `Training on ${file} failed: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
    this.events.emit('capture:learned', outcome);
  }

  #running(session: Session): CaptureStatus {
    if (this.#session !== session) return this.#status;
    this.#setStatus({
      state: 'running',
      settings: session.settings,
      since: session.since,
      gaps: [...session.gaps],
      learning: session.learning,
    });
    return this.#status;
  }

  #end(session: Session, status: CaptureStatus): void {
    if (this.#session === session) this.#session = undefined;
    session.unregister();
    for (const resolve of this.#evidence.values()) resolve(null);
    this.#evidence.clear();
    void session.worker.terminate();
    this.#setStatus(status);
  }

  #setStatus(status: CaptureStatus): void {
    this.#status = status;
    this.events.emit('capture:status', status);
  }

  #assertIdle(): void {
    const running = this.#session;
    if (running !== undefined) {
      throw new ContractError('busy', `a capture on ${running.settings.interface} is running; stop it first`);
    }
  }

  #post(session: Session, message: ToLiveWorker): void {
    session.worker.postMessage(message);
  }

  #config(settings: Partial<CaptureSettings> & { readonly interface: string }): HelperConfig {
    const config = checkHelperConfig(settings);
    if (typeof config === 'string') throw new ContractError('invalid-payload', config);
    return config;
  }
}

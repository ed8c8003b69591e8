/**
 * Runs the capture helper for one capture and keeps it running: if it dies (killed, crashed), a
 * new one is started after a short pause, and the stretch it missed is reported as a gap. The
 * engine state (flows, incidents, stored alerts) lives in the parent, so a helper's death loses
 * only the packets of the gap. A helper that cannot start (no permission, no such interface, a
 * bad filter) fails the start with the problem and is not retried.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { CaptureCounters, CaptureGap, CaptureProblem } from '../../preload/api/capture';
import type { FrameBatch } from '../engine/sources/frame-batch';
import { CaptureStartError, problemFromHelper } from './capture-problem';
import { spawnHelper, type HelperLaunch } from './helper-launch';
import type { HelperConfig, HelperControl, HelperCounters } from './helper-protocol';
import { HelperStreamReader } from './helper-stream';

/** Pause before the first restart; doubled per quick successive death up to RESTART_MAX_MS. */
const RESTART_FIRST_MS = 200;
const RESTART_MAX_MS = 5_000;
/** More deaths than this within RESTART_WINDOW_MS and the capture gives up (something is broken). */
const RESTART_LIMIT = 8;
const RESTART_WINDOW_MS = 60_000;
/** How long a helper gets to stop cleanly before it is killed. */
const STOP_GRACE_MS = 3_000;

export interface SupervisorEvents {
  /** A batch of frames; the arrays are reused, so finish with it during the call. */
  readonly onBatch: (batch: FrameBatch) => void;
  /** A gap opened (`to` null) or closed. */
  readonly onGap?: (gap: CaptureGap) => void;
  /** The capture gave up after it had started (the helper kept dying or could no longer start). */
  readonly onFailed?: (problem: CaptureProblem) => void;
}

const ZERO: HelperCounters = {
  seen: 0,
  bytes: 0,
  helperDropped: 0,
  interfaceDropped: null,
  kernelDroppedEstimate: null,
};

export class CaptureSupervisor {
  #child: ChildProcessWithoutNullStreams | undefined;
  #stopping = false;
  #current: HelperCounters = ZERO;
  /** Counters of helpers that died, added to the current one's. */
  #before = { seen: 0, bytes: 0, helperDropped: 0, interfaceDropped: 0, kernelDropped: 0 };
  /** Whether any helper could report the interface's and the kernel's drops (null counters otherwise). */
  #known = { interface: false, kernel: false };
  /** Packets a stream problem or a full engine lost in the parent. */
  #parentDropped = 0;
  #restarts = 0;
  readonly #deaths: number[] = [];
  readonly #gaps: CaptureGap[] = [];
  #stderr = '';
  #linktype = 1;

  constructor(
    private readonly launch: HelperLaunch,
    readonly config: HelperConfig,
    private readonly events: SupervisorEvents,
  ) {}

  /** The helper's process id, while one runs. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /** Link type of the interface (tcpdump.org/linktypes.html), known once the helper is ready. */
  get linktype(): number {
    return this.#linktype;
  }

  get gaps(): readonly CaptureGap[] {
    return this.#gaps;
  }

  /** Starts the helper; resolves once it captures, rejects with CaptureStartError when it cannot. */
  start(): Promise<void> {
    return this.#spawn();
  }

  /** Counts packets the parent lost (its engine failed on a batch) as Wirewatch drops. */
  countDropped(packets: number): void {
    this.#parentDropped += packets;
  }

  counters(): CaptureCounters {
    const now = this.#current;
    return {
      seen: this.#before.seen + now.seen,
      bytes: this.#before.bytes + now.bytes,
      kernelDropped: this.#known.kernel ? this.#before.kernelDropped + (now.kernelDroppedEstimate ?? 0) : null,
      interfaceDropped: this.#known.interface ? this.#before.interfaceDropped + (now.interfaceDropped ?? 0) : null,
      wirewatchDropped: this.#before.helperDropped + now.helperDropped + this.#parentDropped,
      restarts: this.#restarts,
    };
  }

  /** Stops the helper: asks it to stop, kills it (by its pid) if it has not within a few seconds. */
  async stop(): Promise<void> {
    this.#stopping = true;
    const child = this.#child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      child.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      child.stdin.end('stop\n');
    });
  }

  #spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      let ready = false;
      let error: Extract<HelperControl, { type: 'error' }> | undefined;
      const child = spawnHelper(this.launch, [JSON.stringify(this.config)]);
      this.#child = child;
      this.#current = ZERO;
      const reader = new HelperStreamReader({
        onBatch: (batch) => this.events.onBatch(batch),
        onControl: (message) => {
          switch (message.type) {
            case 'ready':
              ready = true;
              this.#linktype = message.linktype;
              this.#resumed();
              resolve();
              return;
            case 'stats':
              this.#current = message;
              if (message.interfaceDropped !== null) this.#known.interface = true;
              if (message.kernelDroppedEstimate !== null) this.#known.kernel = true;
              return;
            case 'error':
              error = message;
              return;
            case 'checked':
              return;
          }
        },
      });
      child.stdout.on('data', (chunk: Buffer) => {
        try {
          reader.push(chunk);
        } catch (problem) {
          // A broken stream cannot be resynchronised: end this helper; supervision starts another.
          this.#stderr = problem instanceof Error ? problem.message : String(problem);
          child.kill('SIGKILL');
        }
      });
      child.stderr.on('data', (chunk: Buffer) => {
        this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-4096);
      });
      child.on('error', (spawnError) => {
        if (!ready) reject(spawnError);
      });
      child.on('close', (code, signal) => {
        if (this.#child === child) this.#child = undefined;
        this.#retire();
        if (!ready) {
          const problem =
            error === undefined
              ? {
                  code: 'capture-failed',
                  message:
                    `The capture helper ended before capturing (${describeExit(code, signal)}). ${this.#stderr.trim()}`.trim(),
                  fix: null,
                }
              : problemFromHelper(this.config.interface, error);
          reject(new CaptureStartError(problem));
          return;
        }
        if (this.#stopping) return;
        this.#lost(`the capture helper (pid ${child.pid ?? '?'}) ${describeExit(code, signal)}`);
      });
    });
  }

  /** Folds the dead helper's last counters into the running totals. */
  #retire(): void {
    const last = this.#current;
    this.#before = {
      seen: this.#before.seen + last.seen,
      bytes: this.#before.bytes + last.bytes,
      helperDropped: this.#before.helperDropped + last.helperDropped,
      interfaceDropped: this.#before.interfaceDropped + (last.interfaceDropped ?? 0),
      kernelDropped: this.#before.kernelDropped + (last.kernelDroppedEstimate ?? 0),
    };
    this.#current = ZERO;
  }

  #lost(reason: string): void {
    const now = Date.now();
    const gap: CaptureGap = { from: now / 1000, to: null, reason };
    this.#gaps.push(gap);
    this.events.onGap?.(gap);
    this.#deaths.push(now);
    while ((this.#deaths[0] ?? now) < now - RESTART_WINDOW_MS) this.#deaths.shift();
    if (this.#deaths.length > RESTART_LIMIT) {
      this.events.onFailed?.({
        code: 'helper-lost',
        message: `The capture helper died ${this.#deaths.length} times within a minute; capture stopped (last: ${reason}).`,
        fix: null,
      });
      return;
    }
    const delay = Math.min(RESTART_MAX_MS, RESTART_FIRST_MS * 2 ** (this.#deaths.length - 1));
    setTimeout(() => {
      if (this.#stopping) return;
      this.#restarts += 1;
      this.#spawn().catch((error: unknown) => {
        this.events.onFailed?.(
          error instanceof CaptureStartError
            ? error.problem
            : {
                code: 'helper-lost',
                message: `The capture helper could not be restarted: ${String(error)}`,
                fix: null,
              },
        );
      });
    }, delay);
  }

  /** A restarted helper captures again: the open gap closes. */
  #resumed(): void {
    const open = this.#gaps.at(-1);
    if (open === undefined || open.to !== null) return;
    const closed: CaptureGap = { ...open, to: Date.now() / 1000 };
    this.#gaps[this.#gaps.length - 1] = closed;
    this.events.onGap?.(closed);
  }
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal === null ? `exited with code ${code ?? '?'}` : `was killed by ${signal}`;
}

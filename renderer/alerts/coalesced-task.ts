/**
 * A refresh that writes may ask for as often as they like: it runs one at a time, asks made while
 * it runs or waits fold into one more run, and runs start at least a gap apart — so a stream of
 * incoming batches re-reads a view a few times a second at most, not once per batch.
 */

/** The clock's timer, injectable so specs step time themselves. */
export interface Timer {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_TIMER: Timer = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface CoalescedTaskOptions {
  /**
   * The least time from the end of one run to the start of the next, given how long the last run
   * took: a costly refresh waits longer, so it never takes more than its share of the machine.
   */
  readonly gapMs: (lastRunMs: number) => number;
  readonly onError: (error: unknown) => void;
  readonly timer?: Timer | undefined;
}

export class CoalescedTask {
  private running = false;
  private wanted = false;
  private waiting: unknown = undefined;
  private lastEnd = -Infinity;
  private lastRunMs = 0;
  private disposed = false;
  private readonly timer: Timer;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly options: CoalescedTaskOptions,
  ) {
    this.timer = options.timer ?? SYSTEM_TIMER;
  }

  /** Asks for a run: now if the gap since the last one has passed, else once it has. */
  request(): void {
    if (this.disposed) return;
    this.wanted = true;
    this.schedule();
  }

  /** Stops: no run starts after this (one under way finishes). */
  dispose(): void {
    this.disposed = true;
    this.wanted = false;
    if (this.waiting !== undefined) this.timer.clearTimeout(this.waiting);
    this.waiting = undefined;
  }

  /** True while a run is under way or waiting for its gap. */
  get pending(): boolean {
    return this.running || this.waiting !== undefined || this.wanted;
  }

  private schedule(): void {
    if (this.running || this.waiting !== undefined || !this.wanted || this.disposed) return;
    const wait = this.lastEnd + this.options.gapMs(this.lastRunMs) - this.timer.now();
    if (wait > 0) {
      this.waiting = this.timer.setTimeout(() => {
        this.waiting = undefined;
        this.schedule();
      }, wait);
      return;
    }
    this.wanted = false;
    this.running = true;
    const started = this.timer.now();
    void this.task()
      .catch(this.options.onError)
      .finally(() => {
        this.running = false;
        this.lastEnd = this.timer.now();
        this.lastRunMs = this.lastEnd - started;
        this.schedule();
      });
  }
}

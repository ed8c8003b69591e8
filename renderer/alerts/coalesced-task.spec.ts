import { describe, expect, it } from 'vitest';
import { CoalescedTask, type Timer } from './coalesced-task';

/** A clock the spec moves by hand: timers fire only when it is advanced past them. */
class ManualTimer implements Timer {
  time = 0;
  private timers: { at: number; run: () => void; handle: number }[] = [];
  private next = 1;

  now(): number {
    return this.time;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const handle = this.next++;
    this.timers.push({ at: this.time + ms, run, handle });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((timer) => timer.handle !== handle);
  }

  get waiting(): number {
    return this.timers.length;
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.timers.filter((timer) => timer.at <= this.time);
    this.timers = this.timers.filter((timer) => timer.at > this.time);
    for (const timer of due) timer.run();
  }
}

/** A task whose runs the spec finishes by hand, each after `cost` ms of the manual clock. */
function manualTask(timer: ManualTimer, cost = 0) {
  const finishers: (() => void)[] = [];
  let runs = 0;
  const task = (): Promise<void> => {
    runs++;
    return new Promise<void>((resolve) => {
      finishers.push(() => {
        timer.time += cost;
        resolve();
      });
    });
  };
  return {
    task,
    get runs(): number {
      return runs;
    },
    async finish(): Promise<void> {
      finishers.shift()?.();
      // Let the task's finally (and the next schedule) run.
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
  };
}

const noError = (error: unknown): void => {
  throw error;
};

describe('CoalescedTask', () => {
  it('should run at once when asked the first time', () => {
    const timer = new ManualTimer();
    const work = manualTask(timer);
    new CoalescedTask(work.task, { gapMs: () => 500, onError: noError, timer }).request();
    expect(work.runs).toBe(1);
  });

  it('should fold asks made during a run into one more run, a gap after it ends', async () => {
    const timer = new ManualTimer();
    const work = manualTask(timer);
    const task = new CoalescedTask(work.task, { gapMs: () => 500, onError: noError, timer });
    task.request();
    for (let i = 0; i < 10; i++) task.request();
    expect(work.runs).toBe(1);
    await work.finish();
    expect(work.runs).toBe(1);
    timer.advance(499);
    expect(work.runs).toBe(1);
    timer.advance(1);
    expect(work.runs).toBe(2);
    await work.finish();
    timer.advance(10_000);
    expect(work.runs).toBe(2);
    expect(task.pending).toBe(false);
  });

  it('should wait longer after a costly run, by the gap it is given', async () => {
    const timer = new ManualTimer();
    const work = manualTask(timer, 3_000);
    const gaps: number[] = [];
    const task = new CoalescedTask(work.task, {
      gapMs: (last) => {
        gaps.push(last);
        return 2 * last;
      },
      onError: noError,
      timer,
    });
    task.request();
    task.request();
    await work.finish();
    expect(gaps.at(-1)).toBe(3_000);
    timer.advance(5_999);
    expect(work.runs).toBe(1);
    timer.advance(1);
    expect(work.runs).toBe(2);
  });

  it('should run again at once when the gap has already passed', async () => {
    const timer = new ManualTimer();
    const work = manualTask(timer);
    const task = new CoalescedTask(work.task, { gapMs: () => 100, onError: noError, timer });
    task.request();
    await work.finish();
    timer.advance(1_000);
    task.request();
    expect(work.runs).toBe(2);
  });

  it('should start nothing after dispose and report a failed run', async () => {
    const timer = new ManualTimer();
    const errors: unknown[] = [];
    let runs = 0;
    const task = new CoalescedTask(
      () => {
        runs++;
        return Promise.reject(new Error('store gone'));
      },
      { gapMs: () => 100, onError: (error) => errors.push(error), timer },
    );
    task.request();
    task.request();
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(errors).toHaveLength(1);
    expect(timer.waiting).toBe(1);
    task.dispose();
    expect(timer.waiting).toBe(0);
    task.request();
    timer.advance(1_000);
    expect(runs).toBe(1);
  });
});

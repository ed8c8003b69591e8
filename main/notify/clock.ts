/** Time for the delivery queue and the digest: the real clock, or a manual one in tests. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `run` after `ms`; returns the function that cancels it. */
  schedule(ms: number, run: () => void): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(ms, run) {
    const timer = setTimeout(run, ms);
    // A pending retry must not keep a CLI run or a test process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

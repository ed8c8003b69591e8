/** A clock tests move by hand, so backoff and digest timing are checked without waiting. */
import type { Clock } from './clock';

interface Pending {
  readonly at: number;
  readonly run: () => void;
}

export class ManualClock implements Clock {
  #now: number;
  #pending = new Set<Pending>();

  constructor(start = Date.UTC(2026, 0, 1, 12, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  schedule(ms: number, run: () => void): () => void {
    const pending = { at: this.#now + Math.max(0, ms), run };
    this.#pending.add(pending);
    return () => this.#pending.delete(pending);
  }

  /** Moves time forward, running every timer that falls due on the way, in order. */
  advance(ms: number): void {
    const end = this.#now + ms;
    for (;;) {
      const due = [...this.#pending].filter((pending) => pending.at <= end).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.#pending.delete(due);
      this.#now = Math.max(this.#now, due.at);
      due.run();
    }
    this.#now = end;
  }

  /** When the next timer is due, or null. */
  get nextAt(): number | null {
    const times = [...this.#pending].map((pending) => pending.at);
    return times.length === 0 ? null : Math.min(...times);
  }
}

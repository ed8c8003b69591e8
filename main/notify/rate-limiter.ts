/** Per-contact limit on immediate messages: at most N in any sliding hour. */
const HOUR_MS = 60 * 60_000;

export class RateLimiter {
  readonly #sent = new Map<string, number[]>();

  /** Takes a slot for `key` if one is free within the last hour; returns whether it did. */
  take(key: string, perHour: number, now: number): boolean {
    const recent = (this.#sent.get(key) ?? []).filter((at) => at > now - HOUR_MS);
    if (recent.length >= perHour) {
      this.#sent.set(key, recent);
      return false;
    }
    recent.push(now);
    this.#sent.set(key, recent);
    return true;
  }
}

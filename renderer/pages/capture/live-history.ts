/** The last minute of live figures, for the rate chart: a bounded list of ticks. */
import type { CaptureTick } from '../../../preload/api';

/** 240 ticks at four per second: one minute. */
export const HISTORY_TICKS = 240;

export interface RatePoint {
  readonly time: number;
  readonly packetsPerSecond: number;
  readonly bitsPerSecond: number;
}

/** `history` with `tick` appended, the oldest dropped past HISTORY_TICKS. */
export function appendTick(history: readonly RatePoint[], tick: CaptureTick): RatePoint[] {
  const next = [
    ...history,
    { time: tick.time, packetsPerSecond: tick.packetsPerSecond, bitsPerSecond: tick.bitsPerSecond },
  ];
  return next.length > HISTORY_TICKS ? next.slice(next.length - HISTORY_TICKS) : next;
}

/** "kernel 3 (estimated)" or "n/a" where the platform gives no counter. */
export function dropText(value: number | null): string {
  return value === null ? 'n/a' : value.toLocaleString('en-US');
}

/** A rate in bits per second as people read it: "850 bit/s", "12.4 Mbit/s" (SI prefixes, as links are sold). */
export function formatBits(bitsPerSecond: number): string {
  const units = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s'];
  let value = bitsPerSecond;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit] ?? ''}`;
}

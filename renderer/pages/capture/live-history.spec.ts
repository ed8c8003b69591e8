import { describe, expect, it } from 'vitest';
import type { CaptureTick } from '../../../preload/api';
import { appendTick, dropText, formatBits, HISTORY_TICKS } from './live-history';

const tick = (time: number): CaptureTick => ({
  time,
  packetsPerSecond: time * 2,
  bitsPerSecond: time * 16,
  protocols: [],
  topTalkers: [],
  activeFlows: 0,
  closedFlows: 0,
  alerts: 0,
  counters: { seen: 0, bytes: 0, kernelDropped: null, interfaceDropped: 0, wirewatchDropped: 0, restarts: 0 },
});

describe('live history', () => {
  it('should keep the newest minute of ticks and drop the oldest', () => {
    let history = appendTick([], tick(1));
    for (let time = 2; time <= HISTORY_TICKS + 10; time++) history = appendTick(history, tick(time));
    expect(history).toHaveLength(HISTORY_TICKS);
    expect(history[0]?.time).toBe(11);
    expect(history.at(-1)).toEqual({
      time: HISTORY_TICKS + 10,
      packetsPerSecond: (HISTORY_TICKS + 10) * 2,
      bitsPerSecond: (HISTORY_TICKS + 10) * 16,
    });
  });

  it('should say n/a for a counter the platform does not give', () => {
    expect(dropText(null)).toBe('n/a');
    expect(dropText(12345)).toBe('12,345');
  });

  it('should write rates in bits per second with SI prefixes', () => {
    expect(formatBits(0)).toBe('0 bit/s');
    expect(formatBits(850)).toBe('850 bit/s');
    expect(formatBits(12_400_000)).toBe('12.4 Mbit/s');
    expect(formatBits(2.5e9)).toBe('2.5 Gbit/s');
  });
});

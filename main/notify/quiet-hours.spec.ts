import { describe, expect, it } from 'vitest';
import { inQuietHours, wallClockMinutes } from './quiet-hours';

const at = (iso: string): number => Date.parse(iso);

describe('inQuietHours', () => {
  it('should read the wall clock of the contact time zone, not the machine one', () => {
    // 21:30 UTC is 22:30 in Berlin (CET, winter) and 16:30 in New York (EST).
    expect(wallClockMinutes(at('2026-01-15T21:30:00Z'), 'Europe/Berlin')).toBe(22 * 60 + 30);
    expect(wallClockMinutes(at('2026-01-15T21:30:00Z'), 'America/New_York')).toBe(16 * 60 + 30);
  });

  it('should hold the same instant quiet in one zone and not in another', () => {
    const night = { from: '22:00', to: '07:00' };
    const instant = at('2026-01-15T21:30:00Z');
    expect(inQuietHours({ ...night, timeZone: 'Europe/Berlin' }, instant)).toBe(true);
    expect(inQuietHours({ ...night, timeZone: 'America/New_York' }, instant)).toBe(false);
    expect(inQuietHours({ ...night, timeZone: 'Asia/Tokyo' }, instant)).toBe(true); // 06:30 next day
  });

  it('should wrap past midnight and end at the end time', () => {
    const quiet = { from: '22:00', to: '07:00', timeZone: 'UTC' };
    expect(inQuietHours(quiet, at('2026-01-15T23:59:00Z'))).toBe(true);
    expect(inQuietHours(quiet, at('2026-01-16T06:59:00Z'))).toBe(true);
    expect(inQuietHours(quiet, at('2026-01-16T07:00:00Z'))).toBe(false);
    expect(inQuietHours(quiet, at('2026-01-15T21:59:00Z'))).toBe(false);
  });

  it('should handle a daytime window and an empty one', () => {
    expect(inQuietHours({ from: '12:00', to: '13:00', timeZone: 'UTC' }, at('2026-01-15T12:30:00Z'))).toBe(true);
    expect(inQuietHours({ from: '12:00', to: '13:00', timeZone: 'UTC' }, at('2026-01-15T13:30:00Z'))).toBe(false);
    expect(inQuietHours({ from: '08:00', to: '08:00', timeZone: 'UTC' }, at('2026-01-15T08:00:00Z'))).toBe(false);
    expect(inQuietHours(null, at('2026-01-15T08:00:00Z'))).toBe(false);
  });

  it('should follow daylight saving time in the contact zone', () => {
    const quiet = { from: '22:00', to: '07:00', timeZone: 'Europe/Berlin' };
    // 20:30 UTC is 21:30 in Berlin in winter (CET) but 22:30 in summer (CEST).
    expect(inQuietHours(quiet, at('2026-01-15T20:30:00Z'))).toBe(false);
    expect(inQuietHours(quiet, at('2026-07-15T20:30:00Z'))).toBe(true);
  });
});

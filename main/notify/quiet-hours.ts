/**
 * Quiet hours in the contact's own time zone: `22:00`–`07:00` wraps past midnight; equal ends
 * mean no quiet time. Daylight-saving changes are handled by asking Intl for the wall-clock time
 * in that zone at the instant, never by adding fixed offsets.
 */
import type { QuietHours } from '../../preload/api/contacts';

function minutesOf(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Minutes since midnight on the wall clock of `timeZone` at `epochMs`. */
export function wallClockMinutes(epochMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((part) => part.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

export function inQuietHours(quiet: QuietHours | null, epochMs: number): boolean {
  if (quiet === null) return false;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return false;
  const now = wallClockMinutes(epochMs, quiet.timeZone);
  return from < to ? now >= from && now < to : now >= from || now < to;
}

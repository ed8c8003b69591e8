/** Formatting for people: sizes, times and counts. */
export { formatBytes } from '../../common/format-bytes';

/** Epoch seconds (packet time) as a date and time in the chosen zone, to the millisecond. */
export function formatEpochSeconds(seconds: number, zone: 'local' | 'utc'): string {
  const date = new Date(seconds * 1000);
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone === 'utc' ? 'UTC' : undefined,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}.${get('fractionalSecond')}${zone === 'utc' ? 'Z' : ''}`;
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

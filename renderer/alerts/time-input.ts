/** `<input type="datetime-local">` values read and written in the display's zone (local or UTC). */

/** "2026-11-21T10:00:05" (or without seconds) as epoch seconds; null for an empty or bad value. */
export function parseTimeInput(value: string, zone: 'local' | 'utc'): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return null;
  const ms = Date.parse(zone === 'utc' ? `${value}Z` : value);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

/** Epoch seconds as a datetime-local value (whole seconds); '' for null. */
export function formatTimeInput(seconds: number | null, zone: 'local' | 'utc'): string {
  if (seconds === null) return '';
  const date = new Date(Math.floor(seconds) * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const [y, mo, d, h, mi, s] =
    zone === 'utc'
      ? [
          date.getUTCFullYear(),
          date.getUTCMonth() + 1,
          date.getUTCDate(),
          date.getUTCHours(),
          date.getUTCMinutes(),
          date.getUTCSeconds(),
        ]
      : [
          date.getFullYear(),
          date.getMonth() + 1,
          date.getDate(),
          date.getHours(),
          date.getMinutes(),
          date.getSeconds(),
        ];
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
}

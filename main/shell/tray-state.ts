/** What the tray says: monitoring, new incidents waiting to be looked at, or notifications paused. */

export interface TrayCounts {
  /** New incidents since the window was last shown. */
  readonly waiting: number;
  /** Epoch ms until which notifications are paused, or null. */
  readonly pausedUntil: number | null;
}

export interface TrayState {
  readonly tooltip: string;
  readonly headline: string;
  readonly paused: boolean;
}

export function trayState(counts: TrayCounts, timeZone?: string): TrayState {
  const activity =
    counts.waiting === 0 ? 'Monitoring' : `${counts.waiting} new alert${counts.waiting === 1 ? '' : 's'} waiting`;
  if (counts.pausedUntil === null) return { tooltip: `Wirewatch: ${activity}`, headline: activity, paused: false };
  const until = new Date(counts.pausedUntil).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  const headline = `${activity}; notifications paused until ${until}`;
  return { tooltip: `Wirewatch: ${headline}`, headline, paused: true };
}

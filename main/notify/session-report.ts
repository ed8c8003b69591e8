/**
 * The report at the end of a file analysis or a live capture session (after seed RT-NADS's email
 * report): how long, how many packets, which protocols, the top talkers, the alerts by kind and
 * severity, the top sources, and what to do per kind. Rendered as HTML (emailed and saved) and
 * plain text. A live session's summary (its `live`) adds the interface, what was lost and saved.
 */
import type { Alert, AlertKind, Severity } from '../../preload/api/alerts';
import { SEVERITIES } from '../../preload/api/alerts';
import type { AnalysisSummary } from '../../preload/api/analysis';
import { escapeHtml } from './html';
import { recommendation } from './recommendations';

export interface SessionReport {
  readonly title: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const TOP = 5;

function duration(summary: AnalysisSummary): string {
  if (summary.firstSeen === null || summary.lastSeen === null) return 'no packets';
  const seconds = summary.lastSeen - summary.firstSeen;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

function count<K>(items: readonly K[]): [K, number][] {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}

const count0 = (value: number | null): string => (value === null ? 'n/a' : value.toLocaleString('en-US'));

/** The facts that say what was watched: the file, or the interface and what the session lost and saved. */
function sourceFacts(summary: AnalysisSummary): [string, string][] {
  const live = summary.live;
  if (live === undefined) return [['File', summary.file.path]];
  const { counters } = live;
  const facts: [string, string][] = [
    ['Interface', live.interface],
    [
      'Dropped packets',
      `kernel ${count0(counters.kernelDropped)}, interface ${count0(counters.interfaceDropped)}, Wirewatch ${count0(counters.wirewatchDropped)}`,
    ],
  ];
  if (counters.restarts > 0) facts.push(['Capture restarts', `${counters.restarts} (${live.gaps.length} gaps)`]);
  for (const file of live.files) facts.push(['Saved', file]);
  return facts;
}

export function sessionReport(summary: AnalysisSummary, alerts: readonly Alert[]): SessionReport {
  const name = summary.live === undefined ? summary.file.name : `live capture on ${summary.live.interface}`;
  const title = `Wirewatch session report: ${name}`;
  const bySeverity = SEVERITIES.map((severity): [Severity, number] => [
    severity,
    alerts.filter((alert) => alert.severity === severity).length,
  ]).reverse();
  const byKind = count(alerts.map((alert) => alert.kind));
  const sources = count(alerts.map((alert) => alert.src).filter((src): src is string => src !== null)).slice(0, TOP);
  const protocols = summary.protocols.slice(0, 10);
  const kinds: AlertKind[] = byKind.map(([kind]) => kind);
  const subject = `[Wirewatch] Session report ${name}: ${alerts.length} alert${alerts.length === 1 ? '' : 's'}`;

  const facts: [string, string][] = [
    ...sourceFacts(summary),
    ['Capture time', duration(summary)],
    ['Packets', summary.packets.toLocaleString('en-US')],
    ['Bytes on the wire', summary.wireBytes.toLocaleString('en-US')],
    ['Flows', summary.flows.total.toLocaleString('en-US')],
    ['Alerts', String(alerts.length)],
    [summary.live === undefined ? 'Analysis took' : 'Session lasted', `${(summary.elapsedMs / 1000).toFixed(1)} s`],
  ];
  for (const warning of summary.warnings ?? []) facts.push(['Warning', warning]);
  const talkers = summary.topTalkers.slice(0, TOP);
  if (summary.problem !== null) facts.push(['Read stopped early', summary.problem.message]);
  if (summary.cancelled) facts.push(['Cancelled', 'yes: counts cover the part read']);

  const text = [
    title,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    'Protocols (packets, bytes)',
    ...protocols.map((row) => `  ${row.protocol}: ${row.packets}, ${row.bytes}`),
    '',
    'Top talkers (packets, bytes)',
    ...(talkers.length === 0 ? ['  none'] : talkers.map((row) => `  ${row.address}: ${row.packets}, ${row.bytes}`)),
    '',
    'Alerts by severity',
    ...bySeverity.map(([severity, n]) => `  ${severity}: ${n}`),
    '',
    'Alerts by kind',
    ...(byKind.length === 0 ? ['  none'] : byKind.map(([kind, n]) => `  ${kind}: ${n}`)),
    '',
    'Top sources',
    ...(sources.length === 0 ? ['  none'] : sources.map(([src, n]) => `  ${src}: ${n} alerts`)),
    '',
    'Alerts',
    ...alerts.map((alert) => `  [${alert.severity}] ${alert.kind}: ${alert.summary} (id ${alert.id})`),
    '',
    'Recommendations',
    ...(kinds.length === 0 ? ['  nothing to act on'] : kinds.map((kind) => `  ${kind}: ${recommendation(kind)}`)),
  ].join('\n');

  const table = (headers: readonly string[], rows: readonly (readonly string[])[]): string =>
    [
      '<table border="1" cellpadding="4" cellspacing="0">',
      `<tr>${headers.map((header) => `<th align="left">${escapeHtml(header)}</th>`).join('')}</tr>`,
      ...rows.map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`),
      '</table>',
    ].join('\n');

  const html = [
    '<!doctype html>',
    `<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    table(['', ''], facts),
    '<h2>Protocols</h2>',
    table(
      ['Protocol', 'Packets', 'Bytes'],
      protocols.map((row) => [row.protocol, String(row.packets), String(row.bytes)]),
    ),
    '<h2>Top talkers</h2>',
    table(
      ['Host', 'Packets', 'Bytes'],
      talkers.map((row) => [row.address, String(row.packets), String(row.bytes)]),
    ),
    '<h2>Alerts by severity</h2>',
    table(
      ['Severity', 'Alerts'],
      bySeverity.map(([severity, n]) => [severity, String(n)]),
    ),
    '<h2>Alerts by kind</h2>',
    table(
      ['Kind', 'Alerts'],
      byKind.map(([kind, n]) => [kind, String(n)]),
    ),
    '<h2>Top sources</h2>',
    table(
      ['Source', 'Alerts'],
      sources.map(([src, n]) => [src, String(n)]),
    ),
    '<h2>Alerts</h2>',
    table(
      ['Severity', 'Kind', 'Source', 'Target', 'Summary', 'Id'],
      alerts.map((alert) => [
        alert.severity,
        alert.kind,
        alert.src ?? 'many',
        alert.dst ?? 'many',
        alert.summary,
        alert.id,
      ]),
    ),
    '<h2>Recommendations</h2>',
    kinds.length === 0
      ? '<p>Nothing to act on.</p>'
      : `<dl>${kinds.map((kind) => `<dt>${escapeHtml(kind)}</dt><dd>${escapeHtml(recommendation(kind))}</dd>`).join('')}</dl>`,
    '</body></html>',
  ].join('\n');
  return { title, subject, text, html };
}

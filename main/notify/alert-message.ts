/**
 * What a person receives about alerts, per channel: an email (plain text and HTML with the
 * summary, the evidence and the id to open it by), an SMS of one segment, a webhook body (the
 * DESIGN.md alert schema, or Slack's `text` with mrkdwn). Digests batch several alerts into one.
 */
import type { Alert } from '../../preload/api/alerts';
import type { WebhookFormat } from '../../preload/api/contacts';
import { escapeHtml } from './html';
import { fitOneSegment } from './sms-text';

export interface EmailContent {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** The route that opens an alert in Wirewatch (the window's hash), printed beside its id. */
export function alertRoute(alert: Alert): string {
  return `#/alerts?alert=${encodeURIComponent(alert.id)}`;
}

function parties(alert: Alert): string {
  return `${alert.src ?? 'many sources'} -> ${alert.dst ?? 'many targets'}`;
}

function isoSeconds(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function origin(alert: Alert): string {
  return alert.source.type === 'file'
    ? `capture file ${alert.source.path}`
    : `live capture on ${alert.source.interface}`;
}

function evidenceLines(alert: Alert): string[] {
  return Object.entries(alert.evidence).map(
    ([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`,
  );
}

export function alertEmail(alert: Alert): EmailContent {
  const subject = `[Wirewatch] ${alert.severity.toUpperCase()} ${alert.kind}: ${parties(alert)}`;
  const facts: [string, string][] = [
    ['Severity', alert.severity],
    ['Kind', alert.kind],
    ['Source', alert.src ?? 'many'],
    ['Target', alert.dst ?? 'many'],
    ['First seen', isoSeconds(alert.first_seen)],
    ['Last seen', isoSeconds(alert.last_seen)],
    ['Score', alert.score.toFixed(2)],
    ['Detector', alert.detector],
    ['From', origin(alert)],
    ['Alert id', alert.id],
  ];
  const text = [
    alert.summary,
    '',
    ...facts.map(([label, value]) => `${label}: ${value}`),
    '',
    'Evidence',
    ...evidenceLines(alert).map((line) => `  ${line}`),
    '',
    `Open it in Wirewatch: View Alerts, alert ${alert.id} (${alertRoute(alert)}).`,
  ].join('\n');
  const html = [
    `<p><strong>${escapeHtml(alert.summary)}</strong></p>`,
    '<table>',
    ...facts.map(
      ([label, value]) => `<tr><th align="left">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    ),
    '</table>',
    '<h3>Evidence</h3>',
    '<ul>',
    ...evidenceLines(alert).map((line) => `<li><code>${escapeHtml(line)}</code></li>`),
    '</ul>',
    `<p>Open it in Wirewatch: View Alerts, alert <code>${escapeHtml(alert.id)}</code> (<code>${escapeHtml(alertRoute(alert))}</code>).</p>`,
  ].join('\n');
  return { subject, text, html };
}

export function alertSms(alert: Alert): string {
  return fitOneSegment(`Wirewatch ${alert.severity.toUpperCase()} ${alert.kind}: ${alert.summary} id ${alert.id}`);
}

export function digestEmail(alerts: readonly Alert[]): EmailContent {
  const subject = `[Wirewatch] Digest: ${alerts.length} alert${alerts.length === 1 ? '' : 's'}`;
  const line = (alert: Alert): string =>
    `${alert.severity} ${alert.kind} ${parties(alert)}: ${alert.summary} (id ${alert.id})`;
  const text = [
    `${alerts.length} alerts since the last digest:`,
    '',
    ...alerts.map((alert) => `- ${line(alert)}`),
  ].join('\n');
  const html = [
    `<p>${alerts.length} alerts since the last digest:</p>`,
    '<table>',
    '<tr><th align="left">Severity</th><th align="left">Kind</th><th align="left">Parties</th><th align="left">Summary</th><th align="left">Id</th></tr>',
    ...alerts.map(
      (alert) =>
        `<tr><td>${escapeHtml(alert.severity)}</td><td>${escapeHtml(alert.kind)}</td><td>${escapeHtml(parties(alert))}</td><td>${escapeHtml(alert.summary)}</td><td><code>${escapeHtml(alert.id)}</code></td></tr>`,
    ),
    '</table>',
  ].join('\n');
  return { subject, text, html };
}

export function digestSms(alerts: readonly Alert[]): string {
  const kinds = new Map<string, number>();
  for (const alert of alerts) kinds.set(alert.kind, (kinds.get(alert.kind) ?? 0) + 1);
  const list = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
  return fitOneSegment(`Wirewatch digest: ${alerts.length} alerts (${list})`);
}

/** The webhook body: an envelope naming the event, with alerts in the DESIGN.md schema. */
export function webhookBody(
  event: 'alert' | 'digest' | 'test',
  alerts: readonly Alert[],
  format: WebhookFormat,
): string {
  if (format === 'slack') {
    const lines = alerts.map(
      (alert) => `*${alert.severity.toUpperCase()}* \`${alert.kind}\` ${alert.summary} (id \`${alert.id}\`)`,
    );
    const heading =
      event === 'digest'
        ? `Wirewatch digest: ${alerts.length} alerts`
        : event === 'test'
          ? 'Wirewatch test message'
          : 'Wirewatch alert';
    return JSON.stringify({ text: [heading, ...lines].join('\n') });
  }
  if (event === 'alert' && alerts.length === 1) return JSON.stringify({ event, alert: alerts[0] });
  return JSON.stringify({ event, alerts });
}

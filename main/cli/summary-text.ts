/** The readable summary `wirewatch analyze` prints when not asked for JSON. */
import { formatBytes as size } from '../../common/format-bytes';
import type { Alert } from '../../preload/api/alerts';
import type { AnalysisSummary } from '../../preload/api/analysis';

const count = (value: number): string => value.toLocaleString('en-US');

const utc = (seconds: number): string => new Date(seconds * 1000).toISOString().replace('T', ' ').replace('Z', ' UTC');

/** Alerts listed in the readable summary; `--json` prints all of them. */
const ALERTS_LISTED = 20;

export function summaryText(summary: AnalysisSummary, alerts: readonly Alert[] = []): string {
  const lines: string[] = [];
  const { file } = summary;
  lines.push(`${file.name}  (${file.format}, ${size(file.bytes)})`);
  if (summary.problem !== null)
    lines.push(`Analysed ${count(summary.packets)} packets, then: ${summary.problem.message}`);
  if (summary.cancelled) lines.push(`Cancelled after ${count(summary.packets)} packets.`);
  lines.push(`Packets     ${count(summary.packets)}  (${size(summary.wireBytes)} on the wire)`);
  if (summary.firstSeen !== null && summary.lastSeen !== null) {
    const span = summary.lastSeen - summary.firstSeen;
    lines.push(`Capture     ${utc(summary.firstSeen)} to ${utc(summary.lastSeen)}  (${span.toFixed(3)} s)`);
  }
  lines.push(
    `Flows       ${count(summary.flows.total)}${summary.flows.evicted > 0 ? `  (${count(summary.flows.evicted)} evicted)` : ''}`,
  );
  lines.push(`Link types  ${summary.linkTypes.map((item) => `${item.name} ${count(item.packets)}`).join(', ') || '—'}`);
  if (summary.protocols.length > 0) {
    lines.push('Protocols');
    for (const item of summary.protocols) {
      const share = summary.packets > 0 ? (100 * item.packets) / summary.packets : 0;
      lines.push(
        `  ${item.protocol.padEnd(12)} ${count(item.packets).padStart(12)} packets  ${share.toFixed(1).padStart(5)}%  ${size(item.bytes)}`,
      );
    }
  }
  if (summary.topTalkers.length > 0) {
    lines.push('Top talkers (IP bytes)');
    for (const item of summary.topTalkers) {
      lines.push(`  ${item.address.padEnd(40)} ${count(item.packets).padStart(12)} packets  ${size(item.bytes)}`);
    }
  }
  if (summary.topConversations.length > 0) {
    lines.push('Top conversations (IP bytes)');
    for (const item of summary.topConversations) {
      lines.push(
        `  ${`${item.a} <-> ${item.b}`.padEnd(60)} ${count(item.packets).padStart(12)} packets  ${size(item.bytes)}`,
      );
    }
  }
  lines.push(`Alerts      ${count(summary.alerts.total)}`);
  for (const alert of alerts.slice(0, ALERTS_LISTED)) {
    lines.push(`  ${alert.severity.padEnd(8)} ${alert.kind.padEnd(15)} ${alert.summary}`);
  }
  if (alerts.length > ALERTS_LISTED)
    lines.push(`  … and ${count(alerts.length - ALERTS_LISTED)} more (--json lists all)`);
  if (summary.decodeFailures.length > 0) {
    lines.push('Not decoded');
    for (const item of summary.decodeFailures) lines.push(`  ${item.reason.padEnd(28)} ${count(item.count)}`);
  }
  const rate =
    summary.packetsPerSecond >= 1e6
      ? `${(summary.packetsPerSecond / 1e6).toFixed(2)} M`
      : count(Math.round(summary.packetsPerSecond));
  lines.push(`Analysed in ${(summary.elapsedMs / 1000).toFixed(2)} s (${rate} packets/s)`);
  return lines.join('\n');
}

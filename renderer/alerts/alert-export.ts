/**
 * Export of the current view: CSV (RFC 4180) and JSON lines, with DESIGN.md's field names — the
 * same lines `wirewatch analyze --json` prints — plus the local status. Built in pages so a view of
 * 200,000 alerts never sits in memory as records all at once.
 */
import type { Alert } from '../../preload/api';
import type { StoredAlert, WirewatchDatabase } from '../db/database';

/** The schema's fields in DESIGN.md's order, then what the person did. */
export const EXPORT_FIELDS = [
  'id',
  'kind',
  'severity',
  'src',
  'dst',
  'first_seen',
  'last_seen',
  'score',
  'detector',
  'summary',
  'evidence',
  'source',
  'status',
] as const;

type Exported = Alert & { status: StoredAlert['status'] };

/** The alert as exported: the shared schema's fields and status, none of the store's index fields. */
export function exportedAlert(alert: StoredAlert): Exported {
  return {
    id: alert.id,
    kind: alert.kind,
    severity: alert.severity,
    src: alert.src,
    dst: alert.dst,
    first_seen: alert.first_seen,
    last_seen: alert.last_seen,
    score: alert.score,
    detector: alert.detector,
    summary: alert.summary,
    evidence: alert.evidence,
    source: alert.source,
    status: alert.status,
  };
}

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180 §2.6–2.7). */
function csvField(value: unknown): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : JSON.stringify(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet (OWASP CSV injection); a quote
  // mark before it keeps it text. Numbers are written as numbers.
  const safe = typeof value !== 'number' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvHeader(): string {
  return `${EXPORT_FIELDS.join(',')}\r\n`;
}

export function csvRow(alert: StoredAlert): string {
  const row = exportedAlert(alert);
  return `${EXPORT_FIELDS.map((field) => csvField(row[field])).join(',')}\r\n`;
}

export function jsonLine(alert: StoredAlert): string {
  return `${JSON.stringify(exportedAlert(alert))}\n`;
}

const PAGE = 2_000;

/** The alerts with `ids`, in that order, as one file's text pieces (join or hand to a Blob). */
export async function exportAlerts(
  db: WirewatchDatabase,
  ids: readonly string[],
  format: 'csv' | 'jsonl',
): Promise<string[]> {
  const parts: string[] = format === 'csv' ? [csvHeader()] : [];
  for (let start = 0; start < ids.length; start += PAGE) {
    const records = await db.alerts.bulkGet(ids.slice(start, start + PAGE));
    for (const record of records) {
      if (record !== undefined) parts.push(format === 'csv' ? csvRow(record) : jsonLine(record));
    }
  }
  return parts;
}

/** Offers text pieces as a download from the window (works in the desktop app and a browser). */
export function downloadText(parts: readonly string[], name: string, type: string): void {
  downloadBlob(new Blob([...parts], { type }), name);
}

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

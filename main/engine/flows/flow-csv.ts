/**
 * Flow records as CSV (RFC 4180): one header line, one line per record, columns in FLOW_COLUMNS
 * order. Lines are returned without their terminator; writers end each with CSV_LINE_END.
 */
import { FLOW_COLUMNS } from './flow-columns';
import type { FlowRecord } from './flow-record';

/** RFC 4180 §2.1: each record ends with CRLF. */
export const CSV_LINE_END = '\r\n';

const COLUMN_NAMES = FLOW_COLUMNS.map((column) => column.name) as readonly (keyof FlowRecord)[];

/** The header line: the column names. */
export function flowCsvHeader(): string {
  return COLUMN_NAMES.map(csvField).join(',');
}

/** One record as a CSV line, fields in header order. */
export function flowToCsvRow(record: FlowRecord): string {
  let line = '';
  for (let i = 0; i < COLUMN_NAMES.length; i++) {
    const name = COLUMN_NAMES[i];
    if (name === undefined) continue;
    if (i > 0) line += ',';
    line += csvField(record[name]);
  }
  return line;
}

/**
 * One field: numbers in JavaScript's shortest round-trip form (non-finite as an empty field);
 * text quoted when it holds a comma, a double quote, CR or LF, with quotes doubled (RFC 4180 §2.6–2.7).
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (!/[",\r\n]/.test(value)) return value;
  return `"${value.replaceAll('"', '""')}"`;
}

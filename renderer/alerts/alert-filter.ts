/**
 * The View Alerts search as data, and its round trip through the route's query string, so a view
 * (filters, sort, the alert shown) can be bookmarked, reloaded and reopened.
 */
import { ALERT_KINDS, parseAddressRange, SEVERITIES, type AlertKind, type Severity } from '../../preload/api';
import type { AlertStatus } from '../db/database';

export const ALERT_STATUSES: readonly AlertStatus[] = ['new', 'acknowledged', 'resolved'];

export const ALERT_COLUMNS = ['time', 'severity', 'kind', 'source', 'target', 'summary', 'detector', 'status'] as const;
export type AlertColumn = (typeof ALERT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface AlertFilter {
  /** Words that must all start a word of the alert (summary, parties, kind, evidence names). */
  readonly text: string;
  /** Empty: any. */
  readonly kinds: readonly AlertKind[];
  readonly severities: readonly Severity[];
  readonly statuses: readonly AlertStatus[];
  /** An address or CIDR block; '' for any. */
  readonly src: string;
  readonly dst: string;
  readonly port: number | null;
  /** Epoch seconds: alerts active at some time within [from, to]. */
  readonly from: number | null;
  readonly to: number | null;
  /** `file:<path>` or `live:<interface>`; '' for any. */
  readonly origin: string;
  /** Show alerts a suppression hides. */
  readonly showSuppressed: boolean;
}

export interface AlertSort {
  readonly column: AlertColumn;
  readonly direction: SortDirection;
}

export const EMPTY_FILTER: AlertFilter = {
  text: '',
  kinds: [],
  severities: [],
  statuses: [],
  src: '',
  dst: '',
  port: null,
  from: null,
  to: null,
  origin: '',
  showSuppressed: false,
};

export const DEFAULT_SORT: AlertSort = { column: 'time', direction: 'descending' };

function list<T extends string>(text: string | undefined, allowed: readonly T[]): T[] {
  if (text === undefined || text === '') return [];
  return text.split(',').filter((item): item is T => (allowed as readonly string[]).includes(item));
}

function time(text: string | undefined): number | null {
  if (text === undefined || text === '') return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms / 1000 : null;
}

function isoOf(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** Reads a filter from route parameters; anything it does not understand is left out. */
export function filterFromParams(params: Readonly<Record<string, string>>): AlertFilter {
  const port = params.port === undefined ? NaN : Number(params.port);
  return {
    text: params.q ?? '',
    kinds: list(params.kind, ALERT_KINDS),
    severities: list(params.severity, SEVERITIES),
    statuses: list(params.status, ALERT_STATUSES),
    src: params.src ?? '',
    dst: params.dst ?? '',
    port: Number.isInteger(port) && port >= 0 && port <= 65_535 ? port : null,
    from: time(params.from),
    to: time(params.to),
    origin: params.origin ?? '',
    showSuppressed: params.suppressed === 'shown',
  };
}

export function sortFromParams(params: Readonly<Record<string, string>>): AlertSort {
  const column = (ALERT_COLUMNS as readonly string[]).includes(params.sort ?? '')
    ? (params.sort as AlertColumn)
    : DEFAULT_SORT.column;
  const direction = params.dir === 'asc' ? 'ascending' : params.dir === 'desc' ? 'descending' : DEFAULT_SORT.direction;
  return { column, direction };
}

/** Route parameters for a view: only what differs from the defaults, so URLs stay short. */
export function viewParams(filter: AlertFilter, sort: AlertSort, selected: string | null): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.text.trim() !== '') params.q = filter.text.trim();
  if (filter.kinds.length > 0) params.kind = filter.kinds.join(',');
  if (filter.severities.length > 0) params.severity = filter.severities.join(',');
  if (filter.statuses.length > 0) params.status = filter.statuses.join(',');
  if (filter.src.trim() !== '') params.src = filter.src.trim();
  if (filter.dst.trim() !== '') params.dst = filter.dst.trim();
  if (filter.port !== null) params.port = String(filter.port);
  if (filter.from !== null) params.from = isoOf(filter.from);
  if (filter.to !== null) params.to = isoOf(filter.to);
  if (filter.origin !== '') params.origin = filter.origin;
  if (filter.showSuppressed) params.suppressed = 'shown';
  if (sort.column !== DEFAULT_SORT.column || sort.direction !== DEFAULT_SORT.direction) {
    params.sort = sort.column;
    params.dir = sort.direction === 'ascending' ? 'asc' : 'desc';
  }
  if (selected !== null) params.alert = selected;
  return params;
}

/** What is wrong with a filter, field by field (an address that is not one); empty when fine. */
export function filterProblems(filter: AlertFilter): Partial<Record<'src' | 'dst' | 'time', string>> {
  const problems: Partial<Record<'src' | 'dst' | 'time', string>> = {};
  for (const field of ['src', 'dst'] as const) {
    const text = filter[field].trim();
    if (text !== '' && parseAddressRange(text) === undefined) {
      problems[field] = `${text} is not an IP address or CIDR block (10.77.0.5, 10.77.0.0/16, 2001:db8::/32)`;
    }
  }
  if (filter.from !== null && filter.to !== null && filter.from > filter.to)
    problems.time = 'the range ends before it starts';
  return problems;
}

export function isEmptyFilter(filter: AlertFilter): boolean {
  return Object.keys(viewParams(filter, DEFAULT_SORT, null)).length === 0;
}

/**
 * The query builder for View Alerts: a filter and a sort become a plan of IndexedDB index probes
 * (never a scan of every record), which is then run against Dexie.
 *
 * - Each filter field is one group of probes whose keys are unioned (kind = port_scan OR
 *   brute_force); the groups are intersected. Kind, severity, status and origin probe their
 *   compound [field+first_seen] index with the time range's end folded in; a CIDR block is one
 *   range of the [src_key+first_seen] index; words probe the multi-entry `words` index by prefix.
 * - Suppressed alerts are left out through the [suppressed+first_seen] index.
 * - Order: few matches are fetched and sorted here on the same key the column's index holds; many
 *   are put in order by walking that index's primary keys (no record is read), so 200,000 alerts
 *   sort by any column in one key scan.
 */
import { cmp, type IndexableType } from 'dexie';
import { parseAddressRange, SEVERITIES } from '../../preload/api';
import type { StoredAlert, WirewatchDatabase } from '../db/database';
import { filterProblems, type AlertColumn, type AlertFilter, type AlertSort } from './alert-filter';
import { searchWords } from './alert-record';

export type IndexProbe =
  | { readonly index: string; readonly lower: IndexableType; readonly upper: IndexableType }
  | { readonly index: 'words'; readonly prefix: string }
  | { readonly index: 'ports'; readonly equals: number };

export interface AlertQueryPlan {
  /** The result holds keys found by some probe of every group; no group: every alert. */
  readonly groups: readonly (readonly IndexProbe[])[];
  /** Keys these probes find are left out. */
  readonly exclude: readonly IndexProbe[];
  readonly order: { readonly index: string; readonly reverse: boolean };
  /** Why nothing can match (a source that is no address): the plan then finds nothing. */
  readonly problem: string | null;
}

const MIN = -Infinity;
const MAX = Infinity;

/** The index each column sorts by; time ties break every other column. */
export const SORT_INDEX: Readonly<Record<AlertColumn, string>> = {
  time: 'first_seen',
  severity: '[severity_rank+first_seen]',
  kind: '[kind+first_seen]',
  source: '[src_key+first_seen]',
  target: '[dst_key+first_seen]',
  summary: 'summary',
  detector: 'detector',
  status: '[status+first_seen]',
};

/** The key a record has in a column's sort index (for sorting a few matches here). */
export function sortKey(alert: StoredAlert, column: AlertColumn): IndexableType {
  switch (column) {
    case 'time':
      return alert.first_seen;
    case 'severity':
      return [alert.severity_rank, alert.first_seen];
    case 'kind':
      return [alert.kind, alert.first_seen];
    case 'source':
      return [alert.src_key, alert.first_seen];
    case 'target':
      return [alert.dst_key, alert.first_seen];
    case 'summary':
      return alert.summary;
    case 'detector':
      return alert.detector;
    case 'status':
      return [alert.status, alert.first_seen];
  }
}

function equalsGroup(index: string, values: readonly (string | number)[], to: number | null): IndexProbe[] {
  return values.map((value) => ({ index, lower: [value, MIN], upper: [value, to ?? MAX] }));
}

export function buildQueryPlan(filter: AlertFilter, sort: AlertSort): AlertQueryPlan {
  const order = { index: SORT_INDEX[sort.column], reverse: sort.direction === 'descending' };
  const problems = Object.values(filterProblems(filter));
  const groups: IndexProbe[][] = [];
  const { to } = filter;
  if (filter.kinds.length > 0) groups.push(equalsGroup('[kind+first_seen]', filter.kinds, to));
  if (filter.severities.length > 0) {
    groups.push(
      equalsGroup(
        '[severity_rank+first_seen]',
        filter.severities.map((severity) => SEVERITIES.indexOf(severity)),
        to,
      ),
    );
  }
  if (filter.statuses.length > 0) groups.push(equalsGroup('[status+first_seen]', filter.statuses, to));
  if (filter.origin !== '') groups.push(equalsGroup('[origin+first_seen]', [filter.origin], to));
  for (const [field, index] of [
    ['src', '[src_key+first_seen]'],
    ['dst', '[dst_key+first_seen]'],
  ] as const) {
    const range = filter[field].trim() === '' ? undefined : parseAddressRange(filter[field]);
    if (range !== undefined) groups.push([{ index, lower: [range.low, MIN], upper: [range.high, MAX] }]);
  }
  if (filter.port !== null) groups.push([{ index: 'ports', equals: filter.port }]);
  for (const word of new Set(searchWords(filter.text))) groups.push([{ index: 'words', prefix: word }]);
  // An alert is in the range when it was active at some time in it: it started before the end
  // and ended after the start.
  if (filter.from !== null) groups.push([{ index: 'last_seen', lower: filter.from, upper: MAX }]);
  if (to !== null) groups.push([{ index: 'first_seen', lower: MIN, upper: to }]);
  const exclude: IndexProbe[] = filter.showSuppressed
    ? []
    : [{ index: '[suppressed+first_seen]', lower: [1, MIN], upper: [1, MAX] }];
  return { groups, exclude, order, problem: problems.length > 0 ? problems.join('; ') : null };
}

async function probeKeys(db: WirewatchDatabase, probe: IndexProbe): Promise<string[]> {
  if ('prefix' in probe) return db.alerts.where('words').startsWith(probe.prefix).primaryKeys();
  if ('equals' in probe) return db.alerts.where('ports').equals(probe.equals).primaryKeys();
  return db.alerts.where(probe.index).between(probe.lower, probe.upper, true, true).primaryKeys();
}

async function groupKeys(db: WirewatchDatabase, group: readonly IndexProbe[]): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const found of await Promise.all(group.map((probe) => probeKeys(db, probe)))) {
    for (const key of found) keys.add(key);
  }
  return keys;
}

/**
 * Reading a record costs about fifty times as much as walking past an index key (Chromium, 2026:
 * ~0.1 ms against ~2 µs), so matches are read and sorted here only while they are fewer than a
 * fiftieth of all alerts; beyond, the column's index is walked.
 */
export const SORT_HERE_FRACTION = 1 / 50;
/** Below this many matches reading them is cheap whatever the store's size. */
export const SORT_HERE_MIN = 200;

/** Runs a plan: the ids of the matching alerts, in the view's order. */
export async function runQueryPlan(
  db: WirewatchDatabase,
  plan: AlertQueryPlan,
  column: AlertColumn,
  sortHereLimit?: number,
): Promise<string[]> {
  if (plan.problem !== null) return [];
  const [sets, excluded] = await Promise.all([
    Promise.all(plan.groups.map((group) => groupKeys(db, group))),
    groupKeys(db, plan.exclude),
  ]);
  let matches: Set<string> | null = null;
  for (const set of sets.sort((a, b) => a.size - b.size)) {
    if (matches === null) matches = set;
    else {
      const next = new Set<string>();
      for (const key of matches) if (set.has(key)) next.add(key);
      matches = next;
    }
    if (matches.size === 0) return [];
  }
  for (const key of excluded) matches?.delete(key);

  let ordered: string[];
  const limit =
    sortHereLimit ?? (matches === null ? 0 : Math.max(SORT_HERE_MIN, (await db.alerts.count()) * SORT_HERE_FRACTION));
  if (matches !== null && matches.size <= limit) {
    const records = (await db.alerts.bulkGet([...matches])).filter((record) => record !== undefined);
    records.sort((a, b) => cmp(sortKey(a, column), sortKey(b, column)) || cmp(a.id, b.id));
    ordered = records.map((record) => record.id);
  } else {
    const all = await db.alerts.orderBy(plan.order.index).primaryKeys();
    const keep = matches;
    ordered = all.filter((key) => (keep === null ? !excluded.has(key) : keep.has(key)));
  }
  return plan.order.reverse ? ordered.reverse() : ordered;
}

/** Builds and runs the query for a filter and sort. */
export async function queryAlertIds(db: WirewatchDatabase, filter: AlertFilter, sort: AlertSort): Promise<string[]> {
  return runQueryPlan(db, buildQueryPlan(filter, sort), sort.column);
}

/** Beyond this many left-out alerts, a first page is not worth reading ahead of the whole view. */
export const FIRST_PAGE_MAX_EXCLUDED = 20_000;

/**
 * The first `limit` ids of a plan's view, read along its sort index without building the whole
 * list — what the table shows while the view's query still runs. Only for plans without filter
 * groups (every alert but the suppressed: the view opened first and most often); null otherwise,
 * or when so many alerts are left out that reading past them costs what the whole query does.
 * Same order as runQueryPlan: IndexedDB walks equal index keys by primary key either way.
 */
export async function firstPageIds(
  db: WirewatchDatabase,
  plan: AlertQueryPlan,
  limit: number,
): Promise<string[] | null> {
  if (plan.problem !== null) return [];
  if (plan.groups.length > 0) return null;
  const excluded = await groupKeys(db, plan.exclude);
  if (excluded.size > FIRST_PAGE_MAX_EXCLUDED) return null;
  const walk = db.alerts.orderBy(plan.order.index);
  const keys = await (plan.order.reverse ? walk.reverse() : walk).limit(limit + excluded.size).primaryKeys();
  return keys.filter((key) => !excluded.has(key)).slice(0, limit);
}

/** True when two views list the same ids in the same order (so the page keeps the one it has). */
export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

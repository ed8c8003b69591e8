/**
 * Runs inside Chromium, on the page the browser host serves (same origin, so the same IndexedDB
 * the app uses): seeds alerts through the app's own intake code and times its query builder
 * against the peer — reading every record and filtering in JavaScript, what a store without
 * indexes must do. Bundled for the browser by bench/alerts/main.ts.
 */
import { parseAddressRange, rangeContains } from '../../preload/api';
import { DEFAULT_SORT, EMPTY_FILTER, type AlertFilter, type AlertSort } from '../../renderer/alerts/alert-filter';
import { storeAlerts } from '../../renderer/alerts/alert-intake';
import { queryAlertIds, sortKey } from '../../renderer/alerts/alert-query';
import { cmp } from 'dexie';
import { searchWords } from '../../renderer/alerts/alert-record';
import { WirewatchDatabase, type StoredAlert } from '../../renderer/db/database';
import { seedAlerts } from './seed-alerts';

export interface Timing {
  readonly name: string;
  readonly matches: number;
  /** Best of the runs, milliseconds. */
  readonly indexedMs: number;
  readonly scanMs: number;
  /** True when both found the same alerts. */
  readonly agree: boolean;
}

const db = new WirewatchDatabase();

async function seed(count: number, batch: number): Promise<{ ms: number; stored: number }> {
  const started = performance.now();
  const alerts = seedAlerts(count, 7);
  for (let start = 0; start < alerts.length; start += batch) await storeAlerts(db, alerts.slice(start, start + batch));
  return { ms: performance.now() - started, stored: await db.alerts.count() };
}

/** The peer: every record read, filtered and sorted in JavaScript. */
function scanMatches(alert: StoredAlert, filter: AlertFilter): boolean {
  if (filter.kinds.length > 0 && !filter.kinds.includes(alert.kind)) return false;
  if (filter.severities.length > 0 && !filter.severities.includes(alert.severity)) return false;
  if (filter.statuses.length > 0 && !filter.statuses.includes(alert.status)) return false;
  if (filter.origin !== '' && alert.origin !== filter.origin) return false;
  const src = filter.src === '' ? undefined : parseAddressRange(filter.src);
  if (src !== undefined && !rangeContains(src, alert.src)) return false;
  if (filter.port !== null && !alert.ports.includes(filter.port)) return false;
  if (filter.from !== null && alert.last_seen < filter.from) return false;
  if (filter.to !== null && alert.first_seen > filter.to) return false;
  const words = searchWords(filter.text);
  if (!words.every((word) => alert.words.some((own) => own.startsWith(word)))) return false;
  return filter.showSuppressed || alert.suppressed === 0;
}

async function scan(filter: AlertFilter, sort: AlertSort): Promise<string[]> {
  const all = await db.alerts.toArray();
  const kept = all.filter((alert) => scanMatches(alert, filter));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  kept.sort((a, b) => sign * (cmp(sortKey(a, sort.column), sortKey(b, sort.column)) || cmp(a.id, b.id)));
  return kept.map((alert) => alert.id);
}

async function best(run: () => Promise<string[]>, runs: number): Promise<{ ms: number; ids: string[] }> {
  let ms = Infinity;
  let ids: string[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    ids = await run();
    ms = Math.min(ms, performance.now() - started);
  }
  return { ms, ids };
}

const DAY = 86_400;

export const CASES: readonly { name: string; filter: AlertFilter; sort?: AlertSort }[] = [
  { name: 'everything, newest first', filter: EMPTY_FILTER },
  {
    name: 'everything, by source address',
    filter: EMPTY_FILTER,
    sort: { column: 'source', direction: 'ascending' },
  },
  { name: 'kind = brute_force', filter: { ...EMPTY_FILTER, kinds: ['brute_force'] } },
  { name: 'severity high or critical', filter: { ...EMPTY_FILTER, severities: ['high', 'critical'] } },
  { name: 'source in 10.77.0.0/16', filter: { ...EMPTY_FILTER, src: '10.77.0.0/16' } },
  {
    name: 'source in 10.77.3.0/24, kind port_scan',
    filter: { ...EMPTY_FILTER, src: '10.77.3.0/24', kinds: ['port_scan'] },
  },
  { name: 'port 3389', filter: { ...EMPTY_FILTER, port: 3389 } },
  { name: 'text "3389 packets"', filter: { ...EMPTY_FILTER, text: '3389 packets' } },
  { name: 'one day', filter: { ...EMPTY_FILTER, from: 1_790_000_000 + 10 * DAY, to: 1_790_000_000 + 11 * DAY } },
  { name: 'origin eth0, status new', filter: { ...EMPTY_FILTER, origin: 'live:eth0', statuses: ['new'] } },
];

async function measure(runs: number): Promise<Timing[]> {
  const timings: Timing[] = [];
  for (const { name, filter, sort } of CASES) {
    const order = sort ?? DEFAULT_SORT;
    const indexed = await best(() => queryAlertIds(db, filter, order), runs);
    const peer = await best(() => scan(filter, order), runs);
    const same =
      indexed.ids.length === peer.ids.length &&
      new Set(indexed.ids).size === new Set([...indexed.ids, ...peer.ids]).size;
    timings.push({ name, matches: indexed.ids.length, indexedMs: indexed.ms, scanMs: peer.ms, agree: same });
  }
  return timings;
}

/** An incoming batch, as the intake writes one while the page is open: new alerts, newest of all. */
async function incoming(count: number, seed: number): Promise<number> {
  const alerts = seedAlerts(count, seed).map((alert, index) => ({
    ...alert,
    first_seen: 1_800_000_000 + seed * 10 + index / count,
    last_seen: 1_800_000_001 + seed * 10,
  }));
  await storeAlerts(db, alerts);
  return db.alerts.count();
}

/** What the page exposes to bench/alerts/main.ts (typed without the DOM library: bench/ is Node code). */
export interface AlertBenchApi {
  seed(count: number, batch: number): Promise<{ ms: number; stored: number }>;
  measure(runs: number): Promise<Timing[]>;
  incoming(count: number, seed: number): Promise<number>;
}

(globalThis as unknown as { wirewatchAlertBench?: AlertBenchApi }).wirewatchAlertBench = { seed, measure, incoming };

/**
 * What the charts above the table show, computed for the alerts in the view: alerts over time
 * (capture time: first_seen, which for files is when the traffic happened) by severity, and the
 * most frequent kinds. For large views the counts come from index probes, never from records.
 */
import { ALERT_KINDS, SEVERITIES, type Severity } from '../../preload/api';
import type { WirewatchDatabase } from '../db/database';

export interface AlertTimeline {
  /** Bucket starts, epoch seconds. */
  readonly starts: readonly number[];
  readonly bucketSeconds: number;
  readonly bySeverity: Readonly<Record<Severity, readonly number[]>>;
}

export interface AlertChartData {
  readonly timeline: AlertTimeline;
  readonly topKinds: readonly { readonly kind: string; readonly count: number }[];
}

export interface Fact {
  readonly time: number;
  readonly severity: number;
  readonly kind: string;
}

/** Bucket widths people read easily, from a second to a week. */
const WIDTHS = [1, 5, 10, 30, 60, 300, 600, 1800, 3600, 3 * 3600, 6 * 3600, 43_200, 86_400, 7 * 86_400];
/** At most this many bars: more would be thinner than a pixel on a small window. */
const MAX_BUCKETS = 60;
const TOP_KINDS = 8;

export function chartData(facts: readonly Fact[]): AlertChartData {
  let first = Infinity;
  let last = -Infinity;
  const kinds = new Map<string, number>();
  for (const fact of facts) {
    if (fact.time < first) first = fact.time;
    if (fact.time > last) last = fact.time;
    kinds.set(fact.kind, (kinds.get(fact.kind) ?? 0) + 1);
  }
  const { start, bucketSeconds, count } =
    facts.length === 0 ? { start: 0, bucketSeconds: 1, count: 0 } : buckets(first, last);
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, new Array<number>(count).fill(0)]),
  ) as Record<Severity, number[]>;
  for (const fact of facts) {
    const severity = SEVERITIES[fact.severity] ?? 'low';
    const bucket = Math.floor((fact.time - start) / bucketSeconds);
    bySeverity[severity][bucket] = (bySeverity[severity][bucket] ?? 0) + 1;
  }
  return {
    timeline: {
      starts: Array.from({ length: count }, (_unused, index) => start + index * bucketSeconds),
      bucketSeconds,
      bySeverity,
    },
    topKinds: [...kinds]
      .map(([kind, n]) => ({ kind, count: n }))
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind))
      .slice(0, TOP_KINDS),
  };
}

/** Below this many alerts in view their records are read; above, index probes give the same counts. */
const READ_RECORDS_LIMIT = 1_000;

/** A bucket width for a span, and the first bucket's start. */
function buckets(first: number, last: number): { start: number; bucketSeconds: number; count: number } {
  const bucketSeconds = WIDTHS.find((width) => (last - first) / width < MAX_BUCKETS) ?? 30 * 86_400;
  const start = Math.floor(first / bucketSeconds) * bucketSeconds;
  return { start, bucketSeconds, count: Math.floor((last - start) / bucketSeconds) + 1 };
}

/**
 * The chart data of the alerts with `ids`, in view order. Few are read as records. Many are
 * counted through index probes whose primary keys IndexedDB hands back in one call each (getAllKeys):
 * one per severity, one per kind, one per time bucket — never a record, never a cursor step per
 * alert. The time axis spans the view when it is sorted by time (its ends are the first and last
 * ids), else every stored alert.
 */
export async function viewChartData(
  db: WirewatchDatabase,
  ids: readonly string[],
  sortedByTime: boolean,
  readRecordsLimit = READ_RECORDS_LIMIT,
): Promise<AlertChartData> {
  if (ids.length <= readRecordsLimit) {
    const records = await db.alerts.bulkGet([...ids]);
    return chartData(
      records
        .filter((record) => record !== undefined)
        .map((record) => ({ time: record.first_seen, severity: record.severity_rank, kind: record.kind })),
    );
  }
  const wanted = new Set(ids);
  const ends = sortedByTime
    ? await db.alerts.bulkGet([ids[0] ?? '', ids[ids.length - 1] ?? ''])
    : [await db.alerts.orderBy('first_seen').first(), await db.alerts.orderBy('first_seen').last()];
  const times = ends.filter((record) => record !== undefined).map((record) => record.first_seen);
  const { start, bucketSeconds, count } = buckets(Math.min(...times), Math.max(...times));

  const severityOf = new Map<string, number>();
  await Promise.all(
    SEVERITIES.map(async (_severity, rank) => {
      const keys = await db.alerts
        .where('[severity_rank+first_seen]')
        .between([rank, -Infinity], [rank, Infinity])
        .primaryKeys();
      for (const id of keys) if (wanted.has(id)) severityOf.set(id, rank);
    }),
  );
  const kinds = await Promise.all(
    ALERT_KINDS.map(async (kind) => {
      const keys = await db.alerts
        .where('[kind+first_seen]')
        .between([kind, -Infinity], [kind, Infinity])
        .primaryKeys();
      return { kind, count: keys.reduce((sum, id) => sum + (wanted.has(id) ? 1 : 0), 0) };
    }),
  );
  const bySeverity = Object.fromEntries(
    SEVERITIES.map((severity) => [severity, new Array<number>(count).fill(0)]),
  ) as Record<Severity, number[]>;
  await Promise.all(
    Array.from({ length: count }, async (_unused, bucket) => {
      const from = start + bucket * bucketSeconds;
      const keys = await db.alerts
        .where('first_seen')
        .between(from, from + bucketSeconds, true, false)
        .primaryKeys();
      for (const id of keys) {
        const rank = severityOf.get(id);
        if (rank === undefined) continue;
        const series = bySeverity[SEVERITIES[rank] ?? 'low'];
        series[bucket] = (series[bucket] ?? 0) + 1;
      }
    }),
  );
  return {
    timeline: {
      starts: Array.from({ length: count }, (_unused, index) => start + index * bucketSeconds),
      bucketSeconds,
      bySeverity,
    },
    topKinds: kinds
      .filter((item) => item.count > 0)
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind))
      .slice(0, TOP_KINDS),
  };
}

/**
 * The chart data of every stored alert (the view with no search and nothing suppressed) from
 * counts alone: one IndexedDB count per severity and time bucket and one per kind, so no key or
 * record crosses into JavaScript however many alerts there are.
 */
export async function storeChartData(db: WirewatchDatabase): Promise<AlertChartData> {
  const [earliest, latest] = await Promise.all([
    db.alerts.orderBy('first_seen').first(),
    db.alerts.orderBy('first_seen').last(),
  ]);
  if (earliest === undefined || latest === undefined) return chartData([]);
  const { start, bucketSeconds, count } = buckets(earliest.first_seen, latest.first_seen);
  const starts = Array.from({ length: count }, (_unused, index) => start + index * bucketSeconds);
  const series = await Promise.all(
    SEVERITIES.map((_severity, rank) =>
      Promise.all(
        starts.map((from) =>
          db.alerts
            .where('[severity_rank+first_seen]')
            .between([rank, from], [rank, from + bucketSeconds], true, false)
            .count(),
        ),
      ),
    ),
  );
  const kinds = await Promise.all(
    ALERT_KINDS.map(async (kind) => ({
      kind,
      count: await db.alerts.where('[kind+first_seen]').between([kind, -Infinity], [kind, Infinity]).count(),
    })),
  );
  return {
    timeline: {
      starts,
      bucketSeconds,
      bySeverity: Object.fromEntries(SEVERITIES.map((severity, rank) => [severity, series[rank] ?? []])) as Record<
        Severity,
        number[]
      >,
    },
    topKinds: kinds
      .filter((item) => item.count > 0)
      .sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind))
      .slice(0, TOP_KINDS),
  };
}

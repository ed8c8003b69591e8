/**
 * What the details panel shows beside an alert's own fields: other alerts from the same source,
 * the flows behind it (from the stored analysis of its capture file), and the incident over time
 * drawn from those flows.
 */
import type { FlowRow } from '../../preload/api';
import type { StoredAlert, WirewatchDatabase } from '../db/database';

/** Alerts from the same source (or, for an alert with many sources, to the same target), newest first. */
export async function relatedAlerts(db: WirewatchDatabase, alert: StoredAlert, limit = 20): Promise<StoredAlert[]> {
  const index = alert.src_key !== '' ? '[src_key+first_seen]' : '[dst_key+first_seen]';
  const key = alert.src_key !== '' ? alert.src_key : alert.dst_key;
  if (key === '') return [];
  return db.alerts
    .where(index)
    .between([key, -Infinity], [key, Infinity])
    .reverse()
    .filter((other) => other.id !== alert.id)
    .limit(limit)
    .toArray();
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}

/** Does a flow belong to the alert: its parties (either way round), its port, its time? */
export function flowBelongs(flow: FlowRow, alert: StoredAlert): boolean {
  const parties = [alert.src, alert.dst].filter((party): party is string => party !== null);
  const clients = Array.isArray(alert.evidence.clients) ? (alert.evidence.clients as unknown[]) : [];
  const named = parties.length > 0 ? parties : clients.filter((item): item is string => typeof item === 'string');
  if (named.length === 0) return false;
  const ends = [flow.src, flow.dst];
  if (!named.every((party) => ends.includes(party)) && !(parties.length === 0 && named.some((c) => ends.includes(c)))) {
    return false;
  }
  const port = alert.kind === 'dns_tunnel' ? 53 : alert.evidence.port;
  if (typeof port === 'number' && flow.srcPort !== port && flow.dstPort !== port) return false;
  const lead = typeof alert.evidence.maxSessionSeconds === 'number' ? alert.evidence.maxSessionSeconds : 0;
  return flow.lastSeen >= alert.first_seen - lead && flow.firstSeen <= alert.last_seen + 1;
}

/**
 * The flows behind a file alert, from the latest finished analysis of that file kept in Dexie:
 * the flow ids its evidence names when there are any, else the flows of its parties in its time.
 */
export async function flowsBehind(db: WirewatchDatabase, alert: StoredAlert, limit = 200): Promise<FlowRow[]> {
  if (alert.source.type !== 'file') return [];
  const path = alert.source.path;
  const analyses = await db.analyses
    .filter((analysis) => analysis.file.path === path && analysis.status === 'done')
    .toArray();
  const latest = analyses.sort((a, b) => (b.finished_at ?? 0) - (a.finished_at ?? 0))[0];
  if (latest === undefined) return [];
  const flowIds = numbers(alert.evidence.flowIds);
  if (flowIds.length > 0) {
    const found = await db.flows.bulkGet(flowIds.map((id) => [latest.id, id] as [string, number]));
    const rows = found.filter((flow) => flow !== undefined);
    if (rows.length > 0) return rows;
  }
  return db.flows
    .where('analysisId')
    .equals(latest.id)
    .filter((flow) => flowBelongs(flow, alert))
    .limit(limit)
    .toArray();
}

export interface IncidentSeries {
  readonly starts: readonly number[];
  readonly bucketSeconds: number;
  readonly packets: readonly number[];
}

/** Packets of the flows over the incident's time, each flow's packets spread evenly over its life. */
export function incidentSeries(alert: StoredAlert, flows: readonly FlowRow[], buckets = 30): IncidentSeries {
  const from = Math.min(alert.first_seen, ...flows.map((flow) => flow.firstSeen));
  const to = Math.max(alert.last_seen, ...flows.map((flow) => flow.lastSeen));
  const bucketSeconds = Math.max((to - from) / buckets, 0.001);
  const packets = new Array<number>(buckets).fill(0);
  const bucketOf = (time: number): number =>
    Math.min(buckets - 1, Math.max(0, Math.floor((time - from) / bucketSeconds)));
  for (const flow of flows) {
    const first = bucketOf(flow.firstSeen);
    const last = bucketOf(flow.lastSeen);
    const share = flow.packets / (last - first + 1);
    for (let bucket = first; bucket <= last; bucket++) packets[bucket] = (packets[bucket] ?? 0) + share;
  }
  return {
    starts: packets.map((_count, index) => from + index * bucketSeconds),
    bucketSeconds,
    packets: packets.map((count) => Math.round(count * 10) / 10),
  };
}

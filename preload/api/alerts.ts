/**
 * Alerts: the one schema used everywhere (CLI JSON lines, IPC, Dexie), see DESIGN.md "Alerts",
 * and the channels by which main hands alerts to the renderer until the renderer has stored them.
 */
import * as v from 'valibot';
import { request, type } from './contract';

export const ALERT_KINDS = [
  'port_scan',
  'host_sweep',
  'syn_flood',
  'udp_flood',
  'icmp_flood',
  'tcp_flag_flood',
  'brute_force',
  'slow_dos',
  'dns_tunnel',
  'arp_spoof',
  'traffic_spike',
  'first_seen',
  'malformed',
  'anomaly',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where the traffic behind an alert came from. */
export type AlertOrigin =
  { readonly type: 'file'; readonly path: string } | { readonly type: 'live'; readonly interface: string };

/** One alert, field names exactly as DESIGN.md lists them. */
export interface Alert {
  readonly id: string;
  readonly kind: AlertKind;
  readonly severity: Severity;
  /** IP string, or null where there are many sources (a spoofed flood). */
  readonly src: string | null;
  /** IP string, or null where there are many targets (a sweep). */
  readonly dst: string | null;
  /** Epoch seconds (float) taken from packet timestamps. */
  readonly first_seen: number;
  readonly last_seen: number;
  /** 0..1 */
  readonly score: number;
  /** `rule:<name>` or `model:<name>` */
  readonly detector: string;
  /** One human sentence with the numbers that triggered it. */
  readonly summary: string;
  /** Counts, top ports/hosts, top contributing features, flow ids. */
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly source: AlertOrigin;
}

const AlertIds = v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200))), v.maxLength(10_000));

export const alertsRequests = {
  /** Alerts main still holds because the renderer has not acknowledged storing them. */
  'alerts:pending': request(v.strictTuple([]), type<readonly Alert[]>()),
  /** The renderer has stored these alerts; main may forget them. */
  'alerts:ack': request(v.strictTuple([AlertIds]), type<{ readonly released: number }>()),
};

export const alertsEvents = {
  /** New alerts, batched; each stays pending until acknowledged. */
  'alerts:new': type<readonly Alert[]>(),
};

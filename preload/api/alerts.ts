/**
 * Alerts: the one schema used everywhere (CLI JSON lines, IPC, Dexie), see DESIGN.md "Alerts",
 * and the channels by which main hands alerts to the renderer until the renderer has stored them.
 */
import * as v from 'valibot';
import { request, type } from './contract';
import { ALERT_KINDS, SEVERITIES, type AlertKind, type Severity } from './alert-kinds';
import { SuppressionSchema, type Suppression } from './suppression';

export { ALERT_KINDS, SEVERITIES, type AlertKind, type Severity } from './alert-kinds';
export * from './suppression';
export * from './ip-range';

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
const Address = v.nullable(v.pipe(v.string(), v.maxLength(64)));
const FolderPath = v.pipe(v.string(), v.minLength(1), v.maxLength(4096));

/** An alert as a request carries it back to main (evidence packets): the schema checked at runtime. */
export const AlertSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  kind: v.picklist(ALERT_KINDS),
  severity: v.picklist(SEVERITIES),
  src: Address,
  dst: Address,
  first_seen: v.pipe(v.number(), v.finite()),
  last_seen: v.pipe(v.number(), v.finite()),
  score: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
  detector: v.pipe(v.string(), v.maxLength(100)),
  summary: v.pipe(v.string(), v.maxLength(2000)),
  evidence: v.record(v.string(), v.unknown()),
  source: v.variant('type', [
    v.object({ type: v.literal('file'), path: v.pipe(v.string(), v.minLength(1), v.maxLength(4096)) }),
    v.object({ type: v.literal('live'), interface: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
  ]),
});

/** What "Save packets" wrote. */
export interface EvidenceSaved {
  /** The pcap on the machine running Wirewatch. */
  readonly path: string;
  readonly packets: number;
  readonly bytes: number;
  /** Packets read from the capture to find them. */
  readonly scanned: number;
  /** The packet limit was reached: the pcap holds the first packets only. */
  readonly truncated: boolean;
  /** Which packets were kept, in words ("tcp between 10.77.0.66 and 10.77.0.10, port 22, …"). */
  readonly selection: string;
  /** The same selection as a Wireshark display filter. */
  readonly displayFilter: string;
}

export const alertsRequests = {
  /** Alerts main still holds because the renderer has not acknowledged storing them. */
  'alerts:pending': request(v.strictTuple([]), type<readonly Alert[]>()),
  /** The renderer has stored these alerts; main may forget them. */
  'alerts:ack': request(v.strictTuple([AlertIds]), type<{ readonly released: number }>()),
  /** Every suppression main applies to new alerts. */
  'alerts:suppressions': request(v.strictTuple([]), type<readonly Suppression[]>()),
  /** Adds a suppression or replaces the one with its id; answers the whole list. */
  'alerts:suppression-put': request(v.strictTuple([SuppressionSchema]), type<readonly Suppression[]>()),
  /** Removes a suppression (its alerts reappear); answers the whole list. */
  'alerts:suppression-remove': request(
    v.strictTuple([v.pipe(v.string(), v.minLength(1), v.maxLength(64))]),
    type<readonly Suppression[]>(),
  ),
  /**
   * Writes a pcap holding only the packets behind an alert (its parties, ports and time window),
   * re-read from the capture it came from, into `folder` (null: the evidence folder in the data
   * folder). Fails with `no-evidence-source` for a live alert when no packet ring is kept.
   */
  'alerts:evidence-save': request(v.strictTuple([AlertSchema, v.nullable(FolderPath)]), type<EvidenceSaved>()),
  /** The bytes of an evidence pcap this run wrote, base64, for a download from the window. */
  'alerts:evidence-read': request(
    v.strictTuple([FolderPath]),
    type<{ readonly name: string; readonly base64: string }>(),
  ),
  /** Where Wireshark is, or null when it is not on PATH. */
  'alerts:wireshark': request(v.strictTuple([]), type<{ readonly path: string | null }>()),
  /** Opens an evidence pcap this run wrote in Wireshark. */
  'alerts:open-in-wireshark': request(v.strictTuple([FolderPath]), type<{ readonly opened: boolean }>()),
};

export const alertsEvents = {
  /** New alerts, batched; each stays pending until acknowledged. */
  'alerts:new': type<readonly Alert[]>(),
  /** The suppression list changed (in this window, another, or Settings). */
  'alerts:suppressions-changed': type<readonly Suppression[]>(),
};

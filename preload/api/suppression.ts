/**
 * Suppressions: "do not alert on this kind from this source / to this target / on this port".
 * Main keeps the list (its data folder) and drops matching alerts before they are published; the
 * renderer hides stored alerts that match, reversibly. Both sides match with the functions here,
 * so a suppression means the same thing everywhere.
 */
import * as v from 'valibot';
import { ALERT_KINDS } from './alert-kinds';
import type { Alert } from './alerts';
import { parseAddressRange, rangeContains } from './ip-range';

const AddressOrBlock = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check((text) => parseAddressRange(text) !== undefined, 'use an IP address or a CIDR block such as 10.77.0.0/16'),
);

export const SuppressionSchema = v.pipe(
  v.object({
    id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]{1,64}$/, 'not a suppression id')),
    /** null: any kind. */
    kind: v.nullable(v.picklist(ALERT_KINDS)),
    /** Source address or CIDR block; null: any source. */
    src: v.nullable(AddressOrBlock),
    /** Target address or CIDR block; null: any target. */
    dst: v.nullable(AddressOrBlock),
    /** A port the alert's evidence names (either side); null: any. */
    port: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65_535))),
    /** `rule:<name>` or `model:<name>`; null: any detector. */
    detector: v.nullable(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
    /** Why it was made, in the person's words. */
    note: v.pipe(v.string(), v.maxLength(500)),
    /** Epoch milliseconds. */
    created_at: v.pipe(v.number(), v.minValue(0)),
    /** A disabled suppression is kept in the list but matches nothing. */
    enabled: v.boolean(),
  }),
  v.check(
    (s) => s.kind !== null || s.src !== null || s.dst !== null || s.port !== null || s.detector !== null,
    'a suppression must name at least one of kind, source, target, port or detector',
  ),
);
export type Suppression = v.InferOutput<typeof SuppressionSchema>;

/** The ports an alert's evidence names: `port`, and a scan's `tcpPorts` / `udpPorts`. */
export function alertPorts(alert: Pick<Alert, 'evidence'>): number[] {
  const ports = new Set<number>();
  const add = (value: unknown): void => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65_535) ports.add(value);
  };
  const { port, tcpPorts, udpPorts } = alert.evidence;
  add(port);
  for (const list of [tcpPorts, udpPorts]) if (Array.isArray(list)) for (const item of list as unknown[]) add(item);
  return [...ports];
}

/** True when an enabled suppression covers the alert: every field it names matches. */
export function suppressionMatches(
  suppression: Suppression,
  alert: Pick<Alert, 'kind' | 'src' | 'dst' | 'detector' | 'evidence'>,
): boolean {
  if (!suppression.enabled) return false;
  if (suppression.kind !== null && suppression.kind !== alert.kind) return false;
  if (suppression.detector !== null && suppression.detector !== alert.detector) return false;
  if (suppression.src !== null && !inRange(suppression.src, alert.src)) return false;
  if (suppression.dst !== null && !inRange(suppression.dst, alert.dst)) return false;
  if (suppression.port !== null && !alertPorts(alert).includes(suppression.port)) return false;
  return true;
}

function inRange(block: string, address: string | null): boolean {
  const range = parseAddressRange(block);
  return range !== undefined && rangeContains(range, address);
}

/** The first suppression covering the alert, or undefined. */
export function findSuppression(
  suppressions: readonly Suppression[],
  alert: Pick<Alert, 'kind' | 'src' | 'dst' | 'detector' | 'evidence'>,
): Suppression | undefined {
  return suppressions.find((suppression) => suppressionMatches(suppression, alert));
}

/** A person-readable description: "port_scan from 10.77.0.66 to any target". */
export function describeSuppression(s: Suppression): string {
  const parts = [
    s.kind ?? 'any kind',
    `from ${s.src ?? 'any source'}`,
    `to ${s.dst ?? 'any target'}`,
    ...(s.port === null ? [] : [`port ${s.port}`]),
    ...(s.detector === null ? [] : [`by ${s.detector}`]),
  ];
  return parts.join(' ');
}

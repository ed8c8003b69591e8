/**
 * Seeded alerts for the View Alerts benchmark: a realistic mix of kinds and severities, sources in
 * a few /16s (and some IPv6), a handful of capture files and interfaces, spread over 30 days.
 */
import { randomInt, seededRandom } from '../../common/seeded-random';
import type { Alert, AlertKind, Severity } from '../../preload/api';

const KINDS: readonly AlertKind[] = [
  'port_scan',
  'port_scan',
  'port_scan',
  'brute_force',
  'brute_force',
  'host_sweep',
  'syn_flood',
  'udp_flood',
  'dns_tunnel',
  'traffic_spike',
  'arp_spoof',
  'anomaly',
];
const SEVERITIES: readonly Severity[] = ['low', 'low', 'low', 'medium', 'medium', 'high', 'critical'];
const ORIGINS: readonly Alert['source'][] = [
  { type: 'file', path: '/captures/office-monday.pcapng' },
  { type: 'file', path: '/captures/office-tuesday.pcapng' },
  { type: 'file', path: '/captures/dmz.pcap' },
  { type: 'live', interface: 'eth0' },
  { type: 'live', interface: 'wlan0' },
];
const PORTS = [22, 23, 80, 443, 445, 3389, 53, 8080, 3306, 5432];
const START = 1_790_000_000;
const SPAN = 30 * 86_400;

function address(random: () => number): string {
  if (random() < 0.05)
    return `2001:db8:${randomInt(random, 16).toString(16)}::${randomInt(random, 65_536).toString(16)}`;
  const net = [
    [10, 77],
    [10, 20],
    [192, 168],
    [172, 16],
  ][randomInt(random, 4)] ?? [10, 77];
  return `${net[0]}.${net[1]}.${randomInt(random, 256)}.${1 + randomInt(random, 254)}`;
}

export function seedAlerts(count: number, seed: number): Alert[] {
  const random = seededRandom(seed);
  const alerts: Alert[] = [];
  for (let i = 0; i < count; i++) {
    const kind = KINDS[randomInt(random, KINDS.length)] ?? 'port_scan';
    const src = kind === 'dns_tunnel' || random() < 0.03 ? null : address(random);
    const dst = kind === 'host_sweep' ? null : address(random);
    const port = PORTS[randomInt(random, PORTS.length)] ?? 22;
    const first = START + random() * SPAN;
    alerts.push({
      id: `bench-${seed}-${i}`,
      kind,
      severity: SEVERITIES[randomInt(random, SEVERITIES.length)] ?? 'low',
      src,
      dst,
      first_seen: first,
      last_seen: first + random() * 600,
      score: random(),
      detector: kind === 'anomaly' ? 'model:isolation-forest' : `rule:${kind}`,
      summary: `${src ?? 'many sources'} ${kind.replace('_', ' ')} against ${dst ?? 'many targets'} on port ${port} (${randomInt(random, 500)} packets)`,
      evidence: { port, packets: randomInt(random, 10_000), windowSeconds: 60 },
      source: ORIGINS[randomInt(random, ORIGINS.length)] ?? { type: 'live', interface: 'eth0' },
    });
  }
  return alerts;
}

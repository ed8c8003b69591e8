/** Alerts for the renderer's specs: real schema, varied parties, kinds and times. */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Alert } from '../../preload/api';

/** A fresh in-memory IndexedDB, so no spec sees another's records. */
export function freshIndexedDb(): void {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
}

export function testAlert(id: string, fields: Partial<Alert> = {}): Alert {
  return {
    id,
    kind: 'port_scan',
    severity: 'low',
    src: '10.77.0.66',
    dst: '10.77.0.10',
    first_seen: 1_795_268_660,
    last_seen: 1_795_268_670,
    score: 0.5,
    detector: 'rule:port_scan',
    summary: '10.77.0.66 probed 20 ports on 10.77.0.10 within 60 s (syn scan, 20 probes)',
    evidence: { ports: 20, tcpPorts: [22, 80, 443] },
    source: { type: 'file', path: '/captures/lab.pcap' },
    ...fields,
  };
}

/** A small, varied set: kinds, severities, IPv4 and IPv6 parties, ports, origins and times. */
export function variedAlerts(): Alert[] {
  return [
    testAlert('scan', {}),
    testAlert('brute', {
      kind: 'brute_force',
      severity: 'high',
      detector: 'rule:brute_force',
      first_seen: 1_795_268_663,
      last_seen: 1_795_268_684,
      summary: '10.77.0.66 made 10 short ssh sessions to 10.77.0.10:22 within 120 s (threshold 10).',
      evidence: { port: 22, service: 'ssh', flowIds: [1, 2] },
    }),
    testAlert('tunnel', {
      kind: 'dns_tunnel',
      severity: 'high',
      src: null,
      dst: null,
      detector: 'rule:dns_tunnel',
      first_seen: 1_795_268_658,
      last_seen: 1_795_268_697,
      summary: '4 clients queried 15 unique names under lab.test within 60 s',
      evidence: { domain: 'lab.test', clients: ['10.77.0.21', '10.77.0.22'] },
    }),
    testAlert('flood6', {
      kind: 'syn_flood',
      severity: 'critical',
      src: '2001:db8::66',
      dst: '2001:db8:1::10',
      detector: 'rule:syn_flood',
      first_seen: 1_700_000_000,
      last_seen: 1_700_000_100,
      summary: '2001:db8::66 sent 52,000 SYNs to 2001:db8:1::10:80 in 10 s',
      evidence: { port: 80 },
      source: { type: 'live', interface: 'eth0' },
    }),
    testAlert('sweep', {
      kind: 'host_sweep',
      severity: 'medium',
      src: '192.168.1.5',
      dst: null,
      detector: 'rule:host_sweep',
      first_seen: 1_600_000_000,
      last_seen: 1_600_000_050,
      summary: '192.168.1.5 probed 40 hosts on port 445 within 60 s',
      evidence: { port: 445 },
    }),
  ];
}

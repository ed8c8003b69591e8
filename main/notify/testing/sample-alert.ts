/** Alerts for notification tests, in the DESIGN.md schema. */
import type { Alert } from '../../../preload/api/alerts';

export function sampleAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    id: 'a1',
    kind: 'port_scan',
    severity: 'high',
    src: '10.77.0.66',
    dst: '10.77.0.10',
    first_seen: 1_767_268_800,
    last_seen: 1_767_268_830,
    score: 0.9,
    detector: 'rule:port_scan',
    summary: '10.77.0.66 probed 20 ports on 10.77.0.10 within 60 s (syn scan, 20 probes)',
    evidence: { ports: [22, 80, 443], probes: 20 },
    source: { type: 'file', path: '/captures/lab.pcap' },
    ...overrides,
  };
}

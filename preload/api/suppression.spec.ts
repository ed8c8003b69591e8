import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Alert } from './alerts';
import { alertPorts, describeSuppression, findSuppression, SuppressionSchema, type Suppression } from './suppression';

const alert: Alert = {
  id: 'a1',
  kind: 'brute_force',
  severity: 'high',
  src: '10.77.0.66',
  dst: '10.77.0.10',
  first_seen: 1_700_000_000,
  last_seen: 1_700_000_020,
  score: 0.5,
  detector: 'rule:brute_force',
  summary: '10.77.0.66 made 10 short ssh sessions to 10.77.0.10:22 within 120 s (threshold 10).',
  evidence: { port: 22, attempts: 10 },
  source: { type: 'file', path: '/captures/lab.pcap' },
};

const suppression = (fields: Partial<Suppression>): Suppression => ({
  id: 's1',
  kind: null,
  src: null,
  dst: null,
  port: null,
  detector: null,
  note: '',
  created_at: 0,
  enabled: true,
  ...fields,
});

describe('suppressions', () => {
  it('should match when every named field matches', () => {
    expect(findSuppression([suppression({ kind: 'brute_force', src: '10.77.0.0/24' })], alert)).toBeDefined();
    expect(findSuppression([suppression({ dst: '10.77.0.10', port: 22 })], alert)).toBeDefined();
    expect(findSuppression([suppression({ detector: 'rule:brute_force' })], alert)).toBeDefined();
  });

  it('should not match when any named field differs', () => {
    expect(findSuppression([suppression({ kind: 'port_scan', src: '10.77.0.66' })], alert)).toBeUndefined();
    expect(findSuppression([suppression({ kind: 'brute_force', src: '10.78.0.0/16' })], alert)).toBeUndefined();
    expect(findSuppression([suppression({ kind: 'brute_force', port: 23 })], alert)).toBeUndefined();
    expect(findSuppression([suppression({ src: '10.77.0.66' })], { ...alert, src: null })).toBeUndefined();
  });

  it('should let a disabled suppression match nothing', () => {
    expect(findSuppression([suppression({ kind: 'brute_force', enabled: false })], alert)).toBeUndefined();
  });

  it('should read the ports a scan names', () => {
    expect(alertPorts({ evidence: { tcpPorts: [22, 80], udpPorts: [53], port: 'x' } }).sort((a, b) => a - b)).toEqual([
      22, 53, 80,
    ]);
  });

  it('should refuse a suppression that names nothing or a bad block', () => {
    expect(v.safeParse(SuppressionSchema, suppression({})).success).toBe(false);
    expect(v.safeParse(SuppressionSchema, suppression({ src: '10.0.0.0/40' })).success).toBe(false);
    expect(v.safeParse(SuppressionSchema, suppression({ src: '10.0.0.0/8' })).success).toBe(true);
  });

  it('should describe itself in words', () => {
    expect(describeSuppression(suppression({ kind: 'port_scan', src: '10.77.0.66', port: 22 }))).toBe(
      'port_scan from 10.77.0.66 to any target port 22',
    );
  });
});

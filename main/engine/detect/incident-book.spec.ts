import { describe, expect, it } from 'vitest';
import type { Detection } from './detection';
import { IncidentBook, QUIET_SECONDS } from './incident-book';

const scan = (at: number, overrides: Partial<Detection> = {}): Detection => ({
  kind: 'port_scan',
  severity: 'medium',
  src: '10.77.0.9',
  dst: '10.77.0.2',
  firstSeen: at,
  lastSeen: at + 5,
  score: 0.6,
  detector: 'rule:port_scan',
  summary: `10.77.0.9 probed ports on 10.77.0.2 at ${at}`,
  evidence: { ports: 100 },
  ...overrides,
});

const ORIGIN = { type: 'file', path: '/captures/lab.pcap' } as const;

describe('IncidentBook', () => {
  it('should grow one alert from repeated detections of the same kind, source and target', () => {
    const book = new IncidentBook(ORIGIN);
    book.add(scan(1000));
    book.add(scan(1010, { severity: 'high', score: 0.9, evidence: { ports: 900 } }));
    book.add(scan(1020, { score: 0.7 }));
    const [alert, ...rest] = book.all();
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'port_scan',
      severity: 'high',
      src: '10.77.0.9',
      dst: '10.77.0.2',
      first_seen: 1000,
      last_seen: 1025,
      score: 0.9,
      evidence: { ports: 100, detections: 3 },
      source: ORIGIN,
    });
    expect(book.count).toBe(1);
  });

  it('should keep different targets, kinds and quiet spells apart', () => {
    const book = new IncidentBook(ORIGIN);
    book.add(scan(1000));
    book.add(scan(1001, { dst: '10.77.0.3' }));
    book.add(scan(1002, { kind: 'host_sweep', dst: null }));
    book.add(scan(1005 + QUIET_SECONDS + 10));
    expect(book.all().map((alert) => `${alert.kind} ${alert.dst ?? '*'} ${alert.first_seen}`)).toEqual([
      'port_scan 10.77.0.2 1000',
      'port_scan 10.77.0.3 1001',
      'host_sweep * 1002',
      `port_scan 10.77.0.2 ${1005 + QUIET_SECONDS + 10}`,
    ]);
    expect(book.count).toBe(4);
  });

  it('should give the same ids to the same incidents of the same file, and others elsewhere', () => {
    const once = new IncidentBook(ORIGIN);
    const again = new IncidentBook(ORIGIN);
    const live = new IncidentBook({ type: 'live', interface: 'eth0' });
    for (const book of [once, again, live]) book.add(scan(1000));
    expect(again.all()[0]?.id).toBe(once.all()[0]?.id);
    expect(live.all()[0]?.id).not.toBe(once.all()[0]?.id);
    expect(once.all()[0]?.id).toMatch(/^[0-9a-f]{24}$/);
  });

  it('should hand over what changed since the last time, once', () => {
    const book = new IncidentBook(ORIGIN);
    book.add(scan(1000));
    book.add(scan(1001));
    expect(book.takeChanged()).toHaveLength(1);
    expect(book.takeChanged()).toEqual([]);
    book.add(scan(1002));
    expect(book.takeChanged()[0]?.evidence).toMatchObject({ detections: 3 });
  });

  it('should keep scores within 0..1', () => {
    const book = new IncidentBook(ORIGIN);
    book.add(scan(1000, { score: 7 }));
    book.add(scan(2000 + QUIET_SECONDS, { score: Number.NaN }));
    expect(book.all().map((alert) => alert.score)).toEqual([1, 0]);
  });
});

// A model's detection of traffic a rule already named corroborates the rule's alert instead of adding one.
import { describe, expect, it } from 'vitest';
import type { Detection } from './detection';
import { IncidentBook } from './incident-book';

const rule: Detection = {
  kind: 'port_scan',
  severity: 'low',
  src: '10.77.0.66',
  dst: '10.77.0.10',
  firstSeen: 100,
  lastSeen: 101,
  score: 0.5,
  detector: 'rule:port_scan',
  summary: '10.77.0.66 probed 20 ports on 10.77.0.10 within 60 s',
  evidence: { ports: 20 },
};
const model = (overrides: Partial<Detection>): Detection => ({
  ...rule,
  firstSeen: 90,
  lastSeen: 130,
  score: 0.99,
  detector: 'model:lab-classifier',
  summary: 'Model lab-classifier names 1000 flows …',
  evidence: { flaggedFlows: 1000, topFeatures: [{ feature: 'len_mean' }] },
  ...overrides,
});

describe('incident book with models', () => {
  it('should keep the rule’s alert as it was and add the model’s verdict to its evidence', () => {
    const book = new IncidentBook({ type: 'file', path: '/x.pcap' });
    book.add(rule);
    book.add(model({}));
    const [alert, ...others] = book.all();
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      detector: 'rule:port_scan',
      summary: rule.summary,
      score: 0.5,
      first_seen: 100,
      last_seen: 101,
    });
    expect(alert?.evidence).toMatchObject({
      ports: 20,
      detections: 1,
      models: { 'model:lab-classifier': { kind: 'port_scan', score: 0.99, flaggedFlows: 1000 } },
    });
    // The rule's next detection keeps the model's verdict.
    book.add({ ...rule, firstSeen: 140, lastSeen: 141, evidence: { ports: 40 } });
    expect(book.all()[0]?.evidence).toMatchObject({ ports: 40, detections: 2, models: { 'model:lab-classifier': {} } });
  });

  it('should fold an anomaly about the same parties into the rule’s alert, and a rule alert with many sources too', () => {
    const book = new IncidentBook({ type: 'file', path: '/x.pcap' });
    book.add(rule);
    book.add({ ...rule, kind: 'syn_flood', src: null, detector: 'rule:syn_flood', firstSeen: 300, lastSeen: 310 });
    book.add(model({ kind: 'anomaly', detector: 'model:lab-anomaly' }));
    book.add(model({ kind: 'syn_flood', src: '192.0.2.1', firstSeen: 305, lastSeen: 306 }));
    expect(book.all().map((alert) => [alert.kind, Object.keys(alert.evidence.models ?? {})])).toEqual([
      ['port_scan', ['model:lab-anomaly']],
      ['syn_flood', ['model:lab-classifier']],
    ]);
  });

  it('should keep a named attack of another kind apart from the rule’s alert on the same parties', () => {
    const book = new IncidentBook({ type: 'file', path: '/x.pcap' });
    book.add({ ...rule, kind: 'brute_force', detector: 'rule:brute_force' });
    book.add(model({}));
    expect(book.all().map((alert) => `${alert.kind} ${alert.detector}`)).toEqual([
      'port_scan model:lab-classifier',
      'brute_force rule:brute_force',
    ]);
  });

  it('should raise the model’s own alert for traffic no rule named', () => {
    const book = new IncidentBook({ type: 'file', path: '/x.pcap' });
    book.add(rule);
    book.add(model({ kind: 'anomaly', src: '10.77.0.21', dst: '10.77.0.99', detector: 'model:lab-anomaly' }));
    book.add(model({ firstSeen: 5000, lastSeen: 5001 }));
    expect(book.all().map((alert) => `${alert.detector} ${alert.src ?? '*'}`)).toEqual([
      'model:lab-anomaly 10.77.0.21',
      'rule:port_scan 10.77.0.66',
      'model:lab-classifier 10.77.0.66',
    ]);
  });
});

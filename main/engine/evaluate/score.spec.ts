import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../preload/api/alerts';
import { evaluate, matches, MATCH_SLACK_SECONDS } from './score';
import type { AttackEpisode, Truth } from './truth';

const ATTACKER = '10.77.0.66';
const VICTIM = '10.77.0.10';

const episode = (kind: AttackEpisode['kind'], start: number, end: number): AttackEpisode => ({
  kind,
  tool: 'nmap',
  attackers: [ATTACKER],
  victim: VICTIM,
  start,
  end,
});

const alert = (kind: Alert['kind'], first: number, last: number, overrides: Partial<Alert> = {}): Alert => ({
  id: `${kind}-${first}`,
  kind,
  severity: 'medium',
  src: ATTACKER,
  dst: VICTIM,
  first_seen: first,
  last_seen: last,
  score: 0.8,
  detector: `rule:${kind}`,
  summary: 'test',
  evidence: {},
  source: { type: 'file', path: '/lab/x.pcap' },
  ...overrides,
});

const truth = (attacks: AttackEpisode[], benign = false, span: [number, number] = [0, 3600]): Truth => ({
  scenario: 'test',
  benign,
  attacks,
  capture: { start: span[0], end: span[1] },
});

describe('matches', () => {
  it('should match an alert that overlaps the episode, allowing for trailing packets', () => {
    const scan = episode('port_scan', 100, 160);
    expect(matches(alert('port_scan', 150, 170), scan)).toBe(true);
    expect(matches(alert('port_scan', 160 + MATCH_SLACK_SECONDS - 1, 200), scan)).toBe(true);
    expect(matches(alert('port_scan', 160 + MATCH_SLACK_SECONDS + 1, 200), scan)).toBe(false);
  });

  it('should match only alerts involving the episode parties, spoofed sources included', () => {
    const flood = episode('syn_flood', 100, 160);
    expect(matches(alert('syn_flood', 120, 130, { src: null }), flood)).toBe(true);
    expect(matches(alert('syn_flood', 120, 130, { src: '10.77.0.20', dst: VICTIM }), flood)).toBe(true);
    expect(matches(alert('syn_flood', 120, 130, { src: '10.77.0.20', dst: '10.77.0.21' }), flood)).toBe(false);
  });
});

describe('evaluate', () => {
  it('should count detected, rightly named and missed episodes, and precision per kind', () => {
    const result = evaluate([
      {
        truth: truth([
          episode('port_scan', 100, 160),
          episode('brute_force', 300, 400),
          episode('dns_tunnel', 600, 700),
        ]),
        alerts: [
          alert('port_scan', 101, 150),
          alert('port_scan', 120, 155, { dst: null }), // a second alert for the same scan: still a true positive
          alert('slow_dos', 310, 390), // the brute force, named wrong
        ],
      },
    ]);
    expect(result).toMatchObject({ episodes: 3, detected: 2, namedRight: 1, alerts: 3, falseAlerts: 0 });
    expect(result.recall).toBeCloseTo(2 / 3);
    expect(result.rightKind).toBeCloseTo(1 / 2);
    expect(result.kinds.find((item) => item.kind === 'port_scan')).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(result.kinds.find((item) => item.kind === 'brute_force')).toMatchObject({ recall: 0, precision: null });
    expect(result.kinds.find((item) => item.kind === 'slow_dos')).toMatchObject({ precision: 0, alerts: 1 });
    expect(result.confusion).toEqual({ port_scan: { port_scan: 2 }, brute_force: { slow_dos: 1 } });
  });

  it('should count false alerts per benign hour on benign-only captures', () => {
    const result = evaluate([
      { truth: truth([], true, [0, 1800]), alerts: [alert('port_scan', 10, 20, { src: '10.77.0.5' })] },
      { truth: truth([], true, [0, 1800]), alerts: [] },
      { truth: truth([episode('port_scan', 100, 160)]), alerts: [alert('icmp_flood', 5000, 5010)] },
    ]);
    expect(result).toMatchObject({ falseAlerts: 2, benignFalseAlerts: 1, benignHours: 1, falseAlertsPerBenignHour: 1 });
    expect(result.confusion).toEqual({ benign: { port_scan: 1, icmp_flood: 1 } });
  });

  it('should measure detection latency from episode start to the first right-kind alert', () => {
    const result = evaluate([
      {
        truth: truth([
          episode('port_scan', 100, 160),
          episode('port_scan', 1000, 1060),
          episode('port_scan', 2000, 2060),
        ]),
        alerts: [
          alert('port_scan', 102, 150),
          alert('port_scan', 101.5, 150, { id: 'earlier' }), // the earliest right-kind alert counts
          alert('port_scan', 1005, 1060),
          alert('host_sweep', 2000, 2010), // named wrong: no latency
          alert('port_scan', 2009, 2060),
        ],
      },
    ]);
    expect(result.kinds.find((item) => item.kind === 'port_scan')?.latency).toEqual({ median: 5, max: 9 });
    expect(result.kinds.find((item) => item.kind === 'host_sweep')?.latency).toBeNull();
  });

  it('should take latency from when an alert was raised, not from where its evidence window begins', () => {
    // A flood alert whose 5 s window began with ordinary packets before the flood, raised 2 s into it.
    const result = evaluate([
      {
        truth: truth([episode('syn_flood', 100, 160)]),
        alerts: [alert('syn_flood', 96, 150)],
        raisedAt: { 'syn_flood-96': 102 },
      },
    ]);
    expect(result.kinds[0]?.latency).toEqual({ median: 2, max: 2 });
  });

  it('should say nothing where there is nothing to measure', () => {
    expect(evaluate([])).toMatchObject({ recall: null, rightKind: null, falseAlertsPerBenignHour: null, kinds: [] });
  });
});

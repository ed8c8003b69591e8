import { describe, expect, it } from 'vitest';
import { listThresholds, parseThresholds, ThresholdError } from './thresholds';

const DEFAULTS = new Map<string, Record<string, unknown>>([
  ['port_scan', { fastPorts: 20, fastWindowSeconds: 60 }],
  ['brute_force', { services: { 22: { name: 'ssh', sessions: 10 } }, cooldownSeconds: 120 }],
  ['slow_dos', { ports: [80, 443] }],
  ['first_seen', { localOnly: true }],
]);

describe('parseThresholds', () => {
  it('should override numbers, nested values, lists and switches, keeping the other defaults', () => {
    const overrides = parseThresholds(
      [
        'port_scan.fastPorts=30',
        'brute_force.services.22.sessions=20',
        'slow_dos.ports=80,8080',
        'first_seen.localOnly=false',
      ],
      DEFAULTS,
    );
    expect(overrides.get('port_scan')).toEqual({ fastPorts: 30, fastWindowSeconds: 60 });
    expect(overrides.get('brute_force')).toEqual({
      services: { 22: { name: 'ssh', sessions: 20 } },
      cooldownSeconds: 120,
    });
    expect(overrides.get('slow_dos')).toEqual({ ports: [80, 8080] });
    expect(overrides.get('first_seen')).toEqual({ localOnly: false });
    expect(DEFAULTS.get('port_scan')).toEqual({ fastPorts: 20, fastWindowSeconds: 60 });
  });

  it('should say what is wrong with a bad assignment', () => {
    const fails = (assignment: string): string => {
      try {
        parseThresholds([assignment], DEFAULTS);
      } catch (error) {
        if (error instanceof ThresholdError) return error.message;
      }
      return 'no error';
    };
    expect(fails('port_scan.fastPorts')).toMatch(/is not rule\.name=value/);
    expect(fails('port_scna.fastPorts=3')).toMatch(/no rule named port_scna; rules: port_scan, brute_force/);
    expect(fails('port_scan.fastports=3')).toMatch(
      /port_scan\.fastports: no such threshold; it has fastPorts, fastWindowSeconds/,
    );
    expect(fails('port_scan.fastPorts=many')).toMatch(/"many" is not a number/);
    expect(fails('port_scan.fastPorts=-1')).toMatch(/not a number of at least 0/);
    expect(fails('first_seen.localOnly=yes')).toMatch(/use true or false/);
    expect(fails('slow_dos.ports=80,web')).toMatch(/comma-separated list of whole numbers/);
    expect(fails('port_scan.fastPorts.deeper=1')).toMatch(/fastPorts has no parts to set/);
  });
});

describe('listThresholds', () => {
  it('should list every settable threshold with its default', () => {
    expect(listThresholds(DEFAULTS)).toEqual([
      'port_scan.fastPorts = 20',
      'port_scan.fastWindowSeconds = 60',
      'brute_force.services.22.name = ssh',
      'brute_force.services.22.sessions = 10',
      'brute_force.cooldownSeconds = 120',
      'slow_dos.ports = 80,443',
      'first_seen.localOnly = true',
    ]);
  });
});

// Flows of a lab capture are labelled from its truth file.
import { describe, expect, it } from 'vitest';
import type { Truth } from '../evaluate/truth';
import type { FlowRecord } from '../flows/flow-record';
import { labelFlow, labHosts } from './flow-labels';

const truth: Truth = {
  scenario: 's',
  benign: false,
  capture: { start: 0, end: 100 },
  attacks: [{ kind: 'syn_flood', tool: 'hping3', attackers: ['10.77.0.66'], victim: '10.77.0.10', start: 20, end: 30 }],
};
const hosts = labHosts({
  hosts: { network: '10.77.0.0/24', server: '10.77.0.10', clients: ['10.77.0.21'], attacker: '10.77.0.66' },
});
const flow = (src: string, dst: string, first: number, last = first) =>
  ({ src, dst, first_seen: first, last_seen: last }) as FlowRecord;

describe('flow labels', () => {
  it('should label flows of an attacker within the episode with its kind', () => {
    expect(labelFlow(flow('10.77.0.66', '10.77.0.10', 25), truth, hosts)).toBe('syn_flood');
    expect(labelFlow(flow('10.77.0.10', '10.77.0.66', 31), truth, hosts)).toBe('syn_flood');
  });

  it('should label spoofed sources to the victim, but not the lab’s own clients', () => {
    expect(labelFlow(flow('198.51.100.7', '10.77.0.10', 22), truth, hosts)).toBe('syn_flood');
    expect(labelFlow(flow('10.77.0.21', '10.77.0.10', 22), truth, hosts)).toBe('benign');
  });

  it('should label flows outside the episode, and every flow of a benign capture, benign', () => {
    expect(labelFlow(flow('10.77.0.66', '10.77.0.10', 50), truth, hosts)).toBe('benign');
    expect(labelFlow(flow('10.77.0.66', '10.77.0.10', 25), { ...truth, benign: true, attacks: [] }, hosts)).toBe(
      'benign',
    );
  });

  it('should read the lab hosts from a truth file, and none from one without', () => {
    expect([...hosts.addresses].sort()).toEqual(['10.77.0.10', '10.77.0.21', '10.77.0.66']);
    expect(labHosts({}).addresses.size).toBe(0);
  });
});

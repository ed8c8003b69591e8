import { describe, expect, it } from 'vitest';
import { IPPROTO } from '../../decode/packet';
import type { TestPacket } from '../../flows/test-packets';
import { ICMP_FLOOD_DEFAULTS, icmpFloodRule } from './icmp_flood';
import { harness } from './rule-test-kit';
import type { RuleHarness } from './rule-test-kit';

const T0 = 1_700_000_000;
const LIMIT = ICMP_FLOOD_DEFAULTS.packetsPerSecond * ICMP_FLOOD_DEFAULTS.windowSeconds;

/** Sends an ICMP message of `type` (the test packet helper has no ICMP type field). */
function icmp(rule: RuleHarness, fields: Omit<TestPacket, 'protocol'>, type: number): void {
  rule.send({ ...fields, protocol: fields.src.includes(':') ? IPPROTO.ICMPV6 : IPPROTO.ICMP }, 0, type);
}

describe('icmp_flood', () => {
  it('should report a ping flood at the threshold, naming the attacker and not its victim', () => {
    const rule = harness(icmpFloodRule());
    for (let i = 0; i < LIMIT; i++) {
      const t = T0 + i * 0.001;
      icmp(rule, { t, src: '10.77.0.9', dst: '10.77.0.2', payload: 56 }, 8);
      icmp(rule, { t, src: '10.77.0.2', dst: '10.77.0.9', payload: 56 }, 0); // the victim's answer
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({
      kind: 'icmp_flood',
      severity: 'medium',
      src: '10.77.0.9',
      dst: '10.77.0.2',
      detector: 'rule:icmp_flood',
      score: 0.5,
    });
    expect(rule.detections[0]?.evidence).toMatchObject({ packets: 1000, packetsPerSecond: 200, sources: 1 });
  });

  it('should stay quiet on normal ping and just below the threshold', () => {
    const rule = harness(icmpFloodRule());
    for (let i = 0; i < 600; i++) icmp(rule, { t: T0 + i, src: '10.77.1.5', dst: '10.77.0.2', payload: 56 }, 8);
    for (let i = 0; i < LIMIT - 1; i++) icmp(rule, { t: T0 + 1000 + i * 0.001, src: '10.77.1.6', dst: '10.77.0.3' }, 8);
    expect(rule.detections).toEqual([]);
  });

  it('should report a flood of unrequested echo replies (smurf) from many sources with src null', () => {
    const rule = harness(icmpFloodRule());
    for (let i = 0; i < LIMIT; i++) {
      icmp(rule, { t: T0 + i * 0.001, src: `10.78.${(i >>> 8) & 0xff}.${i & 0xff}`, dst: '10.77.0.2' }, 0);
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({ src: null, dst: '10.77.0.2' });
  });

  it('should ignore IPv6 neighbour discovery', () => {
    const rule = harness(icmpFloodRule());
    for (let i = 0; i < LIMIT * 2; i++) icmp(rule, { t: T0 + i * 0.001, src: 'fe80::1', dst: 'fe80::2' }, 135);
    expect(rule.detections).toEqual([]);
  });
});

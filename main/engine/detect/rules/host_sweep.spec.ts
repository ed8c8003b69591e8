import { describe, expect, it } from 'vitest';
import { IPPROTO, L3, LAYER, Packet, TCP_FLAG } from '../../decode/packet';
import { HOST_SWEEP_DEFAULTS, HostSweepDetector, hostSweepRule } from './host_sweep';
import { harness } from './rule-test-kit';
import type { RuleHarness } from './rule-test-kit';

const T0 = 1_700_000_000;
const ICMP = IPPROTO.ICMP;

function ping(rule: RuleHarness, t: number, src: string, dst: string, type = 8): void {
  rule.send({ t, src, dst, protocol: ICMP }, 0, type);
}

/** An ARP request (operation 1) or reply (2) between IPv4 addresses given as numbers. */
function arp(rule: RuleHarness, t: number, operation: number, sender: number, target: number): void {
  const packet = new Packet();
  packet.seconds = Math.floor(t);
  packet.nanos = Math.round((t - packet.seconds) * 1e9);
  packet.l3 = L3.ARP;
  packet.depth = LAYER.NETWORK;
  packet.arpOperation = operation;
  packet.arpSenderIp = sender;
  packet.arpTargetIp = target;
  rule.sendPacket(packet);
}

const LAN = 0x0a4d0000; // 10.77.0.0

describe('host_sweep', () => {
  it('should report a ping sweep at the threshold with dst null and a sample of targets', () => {
    const rule = harness(hostSweepRule());
    for (let i = 1; i <= HOST_SWEEP_DEFAULTS.icmpTargets; i++) ping(rule, T0 + i * 0.01, '10.77.0.9', `10.77.5.${i}`);
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({
      kind: 'host_sweep',
      severity: 'low',
      src: '10.77.0.9',
      dst: null,
      detector: 'rule:host_sweep',
      score: 0.5,
      firstSeen: T0 + 0.01,
    });
    expect(rule.detections[0]?.evidence).toMatchObject({ probe: 'icmp-echo', targets: 10, probes: 10 });
    expect(rule.detections[0]?.evidence['sampleTargets']).toContain('10.77.5.10');
    expect(rule.detections[0]?.summary).toBe('10.77.0.9 pinged 10 hosts that did not answer within 60 s');
  });

  it('should stay quiet on normal ping and one host below the threshold', () => {
    const rule = harness(hostSweepRule());
    for (let i = 0; i < 100; i++) ping(rule, T0 + i, '10.77.1.5', '10.77.0.2');
    for (let i = 1; i < HOST_SWEEP_DEFAULTS.icmpTargets; i++) ping(rule, T0 + i, '10.77.0.9', `10.77.5.${i}`);
    expect(rule.detections).toEqual([]);
  });

  it('should stay quiet on a monitor pinging 50 hosts that answer', () => {
    const rule = harness(hostSweepRule());
    for (let i = 1; i <= 50; i++) {
      ping(rule, T0 + i * 0.01, '10.77.0.100', `10.77.5.${i}`);
      ping(rule, T0 + i * 0.01 + 0.001, `10.77.5.${i}`, '10.77.0.100', 0);
    }
    expect(rule.detections).toEqual([]);
  });

  it('should report SYNs to one port across many hosts, and not a client whose servers answer', () => {
    const rule = harness(hostSweepRule());
    for (let i = 1; i <= 40; i++) {
      const t = T0 + i * 0.01;
      rule.send({ t, src: '10.77.0.9', dst: `10.77.6.${i}`, srcPort: 40000, dstPort: 22, flags: TCP_FLAG.SYN });
      // A browser reaching 40 web servers that all answer.
      rule.send({ t, src: '10.77.1.5', dst: `93.184.0.${i}`, srcPort: 50000 + i, dstPort: 443, flags: TCP_FLAG.SYN });
      rule.send({
        t,
        src: `93.184.0.${i}`,
        dst: '10.77.1.5',
        srcPort: 443,
        dstPort: 50000 + i,
        flags: TCP_FLAG.SYN | TCP_FLAG.ACK,
      });
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({ src: '10.77.0.9', dst: null });
    expect(rule.detections[0]?.evidence).toMatchObject({ probe: 'tcp-syn', port: 22, targets: 20 });
  });

  it('should stay quiet on a DNS resolver querying many servers', () => {
    const rule = harness(hostSweepRule());
    for (let i = 1; i <= 200; i++) {
      rule.send({
        t: T0 + i * 0.01,
        src: '10.77.0.53',
        dst: `198.51.100.${i}`,
        protocol: IPPROTO.UDP,
        srcPort: 40000 + i,
        dstPort: 53,
      });
    }
    expect(rule.detections).toEqual([]);
  });

  it('should report an ARP sweep and not a router whose neighbours reply', () => {
    const rule = harness(hostSweepRule());
    for (let i = 1; i <= 100; i++) {
      const t = T0 + i * 0.01;
      arp(rule, t, 1, LAN + 1, LAN + 1000 + i); // the router asks, the host replies
      arp(rule, t + 0.001, 2, LAN + 1000 + i, LAN + 1);
      if (i <= HOST_SWEEP_DEFAULTS.arpTargets) arp(rule, t, 1, LAN + 9, LAN + 2000 + i); // nmap -sn
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({ src: '10.77.0.9', dst: null });
    expect(rule.detections[0]?.evidence).toMatchObject({ probe: 'arp', targets: 20 });
  });

  it('should ignore gratuitous ARP and ARP probes', () => {
    const rule = harness(hostSweepRule());
    for (let i = 1; i <= 100; i++) {
      arp(rule, T0 + i, 1, LAN + i, LAN + i);
      arp(rule, T0 + i, 1, 0, LAN + i);
    }
    expect(rule.detections).toEqual([]);
  });

  it('should keep memory bounded under a million spoofed sources', () => {
    const rule = harness((emit) => new HostSweepDetector(emit));
    const detector = rule.detector;
    for (let i = 0; i < 1_000_000; i++) arp(rule, T0 + i * 1e-6, 1, 0x0b000000 + i, LAN + 1);
    expect(detector.arp.table.size).toBe(HOST_SWEEP_DEFAULTS.maxSources);
    expect(detector.arp.evictions).toBe(1_000_000 - HOST_SWEEP_DEFAULTS.maxSources);
  }, 30_000);
});

import { describe, expect, it } from 'vitest';
import { DECODE, decodeFrame } from '../../decode';
import { ETHERNET_ARP } from '../../decode/fixtures';
import { hex } from '../../decode/hex';
import { LINKTYPE } from '../../sources/frame-batch';
import { L3, LAYER, Packet } from '../../decode/packet';
import type { Detection } from '../detection';
import { ARP_SPOOF_DEFAULTS, ArpSpoofDetector, type ArpSpoofOptions } from './arp_spoof';

const GATEWAY = 0x0a4d0001; // 10.77.0.1
const VICTIM = 0x0a4d0005; // 10.77.0.5
const ATTACKER = 0x0a4d0042; // 10.77.0.66
const GATEWAY_MAC = 0x02_00_00_00_00_01;
const ATTACKER_MAC = 0x02_00_00_00_00_66;
const VICTIM_MAC = 0x02_00_00_00_00_05;
const FRAME = { index: 0, fileOffset: 0, flowId: 0 };

interface Arp {
  t: number;
  op: 1 | 2;
  senderMac: number;
  senderIp: number;
  targetIp: number;
}

function setup(options: ArpSpoofOptions = {}) {
  const detections: Detection[] = [];
  const detector = new ArpSpoofDetector((d) => detections.push(d), options);
  const packet = new Packet();
  const arp = (a: Arp): void => {
    packet.reset();
    packet.l3 = L3.ARP;
    packet.depth = LAYER.NETWORK;
    packet.seconds = Math.floor(a.t);
    packet.nanos = Math.round((a.t - packet.seconds) * 1e9);
    packet.arpOperation = a.op;
    packet.arpSenderMac = a.senderMac;
    packet.arpSenderIp = a.senderIp;
    packet.arpTargetIp = a.targetIp;
    detector.onPacket(packet, DECODE.OK, FRAME);
  };
  return { detector, detections, arp };
}

describe('ArpSpoofDetector', () => {
  it('should report the gateway IP moving to another MAC as critical, naming both MACs', () => {
    const { detections, arp } = setup({ gateways: ['10.77.0.1'] });
    arp({ t: 0, op: 1, senderMac: VICTIM_MAC, senderIp: VICTIM, targetIp: GATEWAY });
    arp({ t: 0.001, op: 2, senderMac: GATEWAY_MAC, senderIp: GATEWAY, targetIp: VICTIM });
    // The attacker asks for the victim from its own address first, which names it later.
    arp({ t: 5, op: 1, senderMac: ATTACKER_MAC, senderIp: ATTACKER, targetIp: VICTIM });
    arp({ t: 10, op: 2, senderMac: ATTACKER_MAC, senderIp: GATEWAY, targetIp: VICTIM });
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({
      kind: 'arp_spoof',
      severity: 'critical',
      src: '10.77.0.66',
      dst: '10.77.0.1',
      detector: 'rule:arp_spoof',
      evidence: { reason: 'binding_changed', previousMac: '02:00:00:00:00:01', mac: '02:00:00:00:00:66', flips: 1 },
    });
  });

  it('should report replies that answered no request once they reach the threshold', () => {
    const { detections, arp } = setup();
    // arpspoof re-poisons every 2 s.
    for (let i = 0; i < ARP_SPOOF_DEFAULTS.unsolicitedPerWindow; i++) {
      arp({ t: 100 + 2 * i, op: 2, senderMac: ATTACKER_MAC, senderIp: GATEWAY, targetIp: VICTIM });
    }
    const unsolicited = detections.filter((d) => d.evidence.reason === 'unsolicited_replies');
    expect(unsolicited).toHaveLength(1);
    expect(unsolicited[0]).toMatchObject({
      severity: 'high',
      src: null,
      dst: '10.77.0.1',
      evidence: { count: 10, mac: '02:00:00:00:00:66', ip: '10.77.0.1' },
    });
    expect(unsolicited[0]?.firstSeen).toBe(100);
    expect(unsolicited[0]?.lastSeen).toBe(118);
  });

  it('should stay quiet one unsolicited reply short of the threshold', () => {
    const { detections, arp } = setup();
    for (let i = 0; i < ARP_SPOOF_DEFAULTS.unsolicitedPerWindow - 1; i++) {
      arp({ t: 100 + 2 * i, op: 2, senderMac: ATTACKER_MAC, senderIp: GATEWAY, targetIp: VICTIM });
    }
    expect(detections).toEqual([]);
  });

  it('should report a gratuitous ARP flood from one MAC', () => {
    const { detections, arp } = setup();
    for (let i = 0; i < ARP_SPOOF_DEFAULTS.gratuitousPerWindow; i++) {
      arp({ t: 5 + 0.1 * i, op: 1, senderMac: ATTACKER_MAC, senderIp: GATEWAY, targetIp: GATEWAY });
    }
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({ evidence: { reason: 'gratuitous_flood', count: 10 }, dst: '10.77.0.1' });
  });

  it('should stay quiet on a DHCP-time gratuitous announcement and answered requests', () => {
    const { detections, arp } = setup({ gateways: ['10.77.0.1'] });
    // RFC 5227 probe (sender 0.0.0.0), then two announcements 2 s apart.
    arp({ t: 0, op: 1, senderMac: VICTIM_MAC, senderIp: 0, targetIp: VICTIM });
    arp({ t: 1, op: 1, senderMac: VICTIM_MAC, senderIp: VICTIM, targetIp: VICTIM });
    arp({ t: 3, op: 1, senderMac: VICTIM_MAC, senderIp: VICTIM, targetIp: VICTIM });
    for (let i = 0; i < 50; i++) {
      arp({ t: 10 + 30 * i, op: 1, senderMac: VICTIM_MAC, senderIp: VICTIM, targetIp: GATEWAY });
      arp({ t: 10.001 + 30 * i, op: 2, senderMac: GATEWAY_MAC, senderIp: GATEWAY, targetIp: VICTIM });
    }
    expect(detections).toEqual([]);
  });

  it('should keep its tables within their caps under a flood of spoofed senders', () => {
    const { detector, arp } = setup({ maxBindings: 100, maxPendingRequests: 100, maxSenders: 100 });
    for (let i = 0; i < 10_000; i++) {
      arp({ t: i * 0.001, op: 2, senderMac: 0x02_00_00_00_00_00 + i, senderIp: 0x0a000000 + i, targetIp: VICTIM });
      arp({ t: i * 0.001, op: 1, senderMac: 0x02_00_00_00_00_00 + i, senderIp: 0x0a000000 + i, targetIp: GATEWAY });
    }
    expect(detector.size).toBeLessThanOrEqual(300);
  });

  it('should read the facts the real decoder gives an Ethernet ARP frame', () => {
    const detections: Detection[] = [];
    const detector = new ArpSpoofDetector((d) => detections.push(d));
    const packet = new Packet();
    const reply = (senderMac: string, t: number): void => {
      const bytes = hex(
        ETHERNET_ARP +
          '0001' + // hardware type Ethernet
          '0800' + // protocol type IPv4
          '06' + // hardware address length
          '04' + // protocol address length
          '0002' + // operation 2: reply
          senderMac + // sender MAC
          '0a4d0001' + // sender IP 10.77.0.1
          '020000000005' + // target MAC
          '0a4d0005', // target IP 10.77.0.5
      );
      const result = decodeFrame(bytes, 0, bytes.length, LINKTYPE.ETHERNET, packet);
      packet.seconds = t;
      detector.onPacket(packet, result, FRAME);
    };
    reply('020000000001', 1);
    reply('020000000066', 2);
    expect(detections).toHaveLength(1);
    expect(detections[0]?.evidence).toMatchObject({
      ip: '10.77.0.1',
      previousMac: '02:00:00:00:00:01',
      mac: '02:00:00:00:00:66',
    });
  });
});

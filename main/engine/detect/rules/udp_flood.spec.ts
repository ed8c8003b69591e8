import { describe, expect, it } from 'vitest';
import { IPPROTO, Packet } from '../../decode/packet';
import { fillPacket, testPacket } from '../../flows/test-packets';
import { harness } from './rule-test-kit';
import { UDP_FLOOD_DEFAULTS, UdpFloodDetector, udpFloodRule } from './udp_flood';

const UDP = IPPROTO.UDP;
const T0 = 1_700_000_000;
const LIMIT = UDP_FLOOD_DEFAULTS.packetsPerSecond * UDP_FLOOD_DEFAULTS.windowSeconds;

/** A host's ICMP port unreachable back to `to` (RFC 792 type 3, code 3). */
function portUnreachable(at: number, from: string, to: string): Packet {
  const packet = fillPacket(new Packet(), { t: at, src: from, dst: to, protocol: IPPROTO.ICMP });
  packet.icmpType = 3;
  packet.icmpCode = 3;
  return packet;
}

describe('udp_flood', () => {
  it('should report 200 datagrams a second to a closed port, which the target answers with port unreachable', () => {
    const rule = harness(udpFloodRule());
    const closedLimit = UDP_FLOOD_DEFAULTS.closedPortPacketsPerSecond * UDP_FLOOD_DEFAULTS.windowSeconds;
    // hping3 --udp -p 9999 on a loaded machine: 600 pps; Linux answers about one a second.
    for (let i = 0; i < closedLimit; i++) {
      const t = T0 + i / 600;
      rule.send({
        t,
        src: '10.77.0.66',
        dst: '10.77.0.10',
        protocol: UDP,
        srcPort: 2000 + i,
        dstPort: 9999,
        payload: 256,
      });
      if (i % 600 === 599) rule.sendPacket(portUnreachable(t, '10.77.0.10', '10.77.0.66'));
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({ kind: 'udp_flood', src: '10.77.0.66', dst: '10.77.0.10', score: 0.5 });
    expect(rule.detections[0]?.evidence).toMatchObject({ packets: closedLimit, portUnreachables: 1, replies: 0 });
    expect(rule.detections[0]?.summary).toContain('ICMP port unreachable');
  });

  it('should hold a stream to an open port to the ordinary bar, however one-way', () => {
    // An RTP video stream at 800 pps: no replies, but no port unreachable either.
    const rule = harness(udpFloodRule());
    for (let i = 0; i < 800 * 20; i++) {
      rule.send({
        t: T0 + i / 800,
        src: '10.77.0.30',
        dst: '10.77.0.40',
        protocol: UDP,
        srcPort: 5004,
        dstPort: 5004,
        payload: 1200,
      });
    }
    expect(rule.detections).toEqual([]);
  });

  it('should report a single-source flood at the packet threshold', () => {
    const rule = harness(udpFloodRule());
    for (let i = 0; i < LIMIT; i++) {
      rule.send({
        t: T0 + i * 0.0005,
        src: '10.77.0.9',
        dst: '10.77.0.3',
        protocol: UDP,
        srcPort: 2000,
        dstPort: 53,
        payload: 20,
      });
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({
      kind: 'udp_flood',
      severity: 'medium',
      src: '10.77.0.9',
      dst: '10.77.0.3',
      detector: 'rule:udp_flood',
      score: 0.5,
    });
    expect(rule.detections[0]?.evidence).toMatchObject({ packets: 5000, bytes: 5000 * 48, replies: 0, sources: 1 });
    expect(rule.detections[0]?.summary).toMatch(/^10\.77\.0\.3 received 5000 UDP packets \(1000 pps/);
  });

  it('should stay quiet one packet below the threshold', () => {
    const rule = harness(udpFloodRule());
    for (let i = 0; i < LIMIT - 1; i++) {
      rule.send({ t: T0 + i * 0.0005, src: '10.77.0.9', dst: '10.77.0.3', protocol: UDP, srcPort: 2000, dstPort: 53 });
    }
    expect(rule.detections).toEqual([]);
  });

  it('should report a flood from spoofed sources with src null', () => {
    const rule = harness(udpFloodRule());
    for (let i = 0; i < LIMIT; i++) {
      const src = `172.16.${(i >>> 8) & 0xff}.${i & 0xff}`;
      rule.send({
        t: T0 + i * 0.0001,
        src,
        dst: '10.77.0.3',
        protocol: UDP,
        srcPort: 1024 + i,
        dstPort: 1 + (i % 1000),
      });
    }
    expect(rule.detections[0]).toMatchObject({ src: null, dst: '10.77.0.3' });
    expect(rule.detections[0]?.evidence).toMatchObject({ sourcesCapped: true });
  });

  it('should report a large-datagram flood on the byte threshold', () => {
    const rule = harness(udpFloodRule());
    // 900 datagrams a second (under the packet limit) of 14 000 bytes each: 100.8 Mbit/s.
    for (let i = 0; i < 4500; i++) {
      rule.send({
        t: T0 + i / 900,
        src: '10.77.0.9',
        dst: '10.77.0.3',
        protocol: UDP,
        srcPort: 2000,
        dstPort: 9,
        length: 14_000,
      });
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]?.evidence['packetsPerSecond']).toBeLessThan(1000);
  });

  it('should stay quiet on a busy DNS server that answers its clients', () => {
    const rule = harness(udpFloodRule());
    for (let i = 0; i < 20_000; i++) {
      const t = T0 + i * 0.0002; // 5000 queries a second
      const client = `10.77.1.${i % 200}`;
      rule.send({ t, src: client, dst: '10.77.0.53', protocol: UDP, srcPort: 30000 + (i % 20000), dstPort: 53 });
      rule.send({ t, src: '10.77.0.53', dst: client, protocol: UDP, srcPort: 53, dstPort: 30000 + (i % 20000) });
    }
    expect(rule.detections).toEqual([]);
  });

  it('should stay quiet on a multicast video stream', () => {
    const rule = harness(udpFloodRule());
    for (let i = 0; i < 20_000; i++) {
      rule.send({
        t: T0 + i * 0.0002,
        src: '10.77.0.5',
        dst: '239.1.1.1',
        protocol: UDP,
        srcPort: 5000,
        dstPort: 5000,
        payload: 1316,
      });
    }
    expect(rule.detections).toEqual([]);
  });

  it('should keep memory bounded under a million spoofed sources and targets', () => {
    const rule = harness((emit) => new UdpFloodDetector(emit));
    const detector = rule.detector;
    const packet = testPacket({ t: T0, src: '0.0.0.0', dst: '0.0.0.0', protocol: UDP, srcPort: 1, dstPort: 2 });
    for (let i = 0; i < 1_000_000; i++) {
      packet.src[0] = 0x0b000000 + i;
      packet.dst[0] = 0x0c000000 + i;
      packet.nanos = i * 100;
      rule.sendPacket(packet);
    }
    expect(detector.inbound.traffic.table.size).toBe(UDP_FLOOD_DEFAULTS.maxTargets);
    expect(detector.inbound.traffic.evictions).toBe(1_000_000 - UDP_FLOOD_DEFAULTS.maxTargets);
    // No target got busy, so neither sources nor replies were tracked.
    expect(detector.inbound.sources.table.size).toBe(0);
    expect(detector.outbound.table.size).toBe(0);
    expect(rule.detections).toEqual([]);
  }, 30_000);
});

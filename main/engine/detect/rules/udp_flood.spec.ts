import { describe, expect, it } from 'vitest';
import { IPPROTO } from '../../decode/packet';
import { testPacket } from '../../flows/test-packets';
import { harness } from './rule-test-kit';
import { UDP_FLOOD_DEFAULTS, UdpFloodDetector, udpFloodRule } from './udp_flood';

const UDP = IPPROTO.UDP;
const T0 = 1_700_000_000;
const LIMIT = UDP_FLOOD_DEFAULTS.packetsPerSecond * UDP_FLOOD_DEFAULTS.windowSeconds;

describe('udp_flood', () => {
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

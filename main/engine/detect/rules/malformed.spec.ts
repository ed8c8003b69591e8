import { describe, expect, it } from 'vitest';
import { IPPROTO, LAYER, Packet, TCP_FLAG } from '../../decode/packet';
import { DECODE } from '../../decode/result';
import type { TestPacket } from '../../flows/test-packets';
import { fillPacket } from '../../flows/test-packets';
import { MALFORMED_DEFAULTS, MalformedDetector, malformedRule } from './malformed';
import { harness } from './rule-test-kit';

const T0 = 1_700_000_000;

function packetOf(fields: TestPacket, adjust: (packet: Packet) => void = () => undefined): Packet {
  const packet = fillPacket(new Packet(), fields);
  adjust(packet);
  return packet;
}

describe('malformed', () => {
  it('should report a source after ten decode errors in frames captured whole', () => {
    const rule = harness(malformedRule());
    for (let i = 0; i < MALFORMED_DEFAULTS.points; i++) {
      const packet = packetOf({ t: T0 + i, src: '10.77.0.9', dst: '10.77.0.2', srcPort: 1, dstPort: 80 }, (p) => {
        p.depth = LAYER.NETWORK;
      });
      rule.sendPacket(packet, DECODE.BAD_TCP_DATA_OFFSET);
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({
      kind: 'malformed',
      severity: 'low',
      src: '10.77.0.9',
      dst: null,
      detector: 'rule:malformed',
      firstSeen: T0,
      lastSeen: T0 + 9,
      score: 0.5,
    });
    expect(rule.detections[0]?.evidence).toMatchObject({
      packets: 10,
      checks: { 'decode-error': 10 },
      decodeErrors: { 'bad-tcp-data-offset': 10 },
    });
    expect(rule.detections[0]?.summary).toBe('10.77.0.9 sent 10 malformed or abusive packets (10 decode-error)');
  });

  it('should stay quiet on nine decode errors and on frames cut by the snap length', () => {
    const rule = harness(malformedRule());
    for (let i = 0; i < MALFORMED_DEFAULTS.points - 1; i++) {
      rule.sendPacket(packetOf({ t: T0 + i, src: '10.77.0.9', dst: '10.77.0.2' }), DECODE.TRUNCATED_TCP);
    }
    for (let i = 0; i < 100; i++) {
      const snapped = packetOf({ t: T0 + i, src: '10.77.1.5', dst: '10.77.0.2', payload: 1400 }, (p) => {
        p.caplen = 96; // tcpdump -s 96
      });
      rule.sendPacket(snapped, DECODE.TRUNCATED_TCP_OPTIONS);
    }
    expect(rule.detections).toEqual([]);
  });

  it('should report a single LAND packet at once as high severity', () => {
    const rule = harness(malformedRule());
    rule.send({ t: T0, src: '10.77.0.2', dst: '10.77.0.2', srcPort: 139, dstPort: 139, flags: TCP_FLAG.SYN });
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({ severity: 'high', src: '10.77.0.2' });
    expect(rule.detections[0]?.evidence['checks']).toEqual({ land: 1 });
  });

  it('should report tiny, overlapping and oversized fragments', () => {
    const rule = harness(malformedRule({ cooldownSeconds: 0 }));
    const tiny = packetOf({ t: T0, src: '10.77.0.9', dst: '10.77.0.2', length: 28 }, (p) => {
      p.moreFragments = true; // 8 bytes of TCP in the first fragment
    });
    const overlap = packetOf({ t: T0 + 1, src: '10.77.0.9', dst: '10.77.0.2', length: 60 }, (p) => {
      p.fragmentOffset = 8;
    });
    const pingOfDeath = packetOf(
      { t: T0 + 2, src: '10.77.0.8', dst: '10.77.0.2', protocol: IPPROTO.ICMP, length: 1500 },
      (p) => {
        p.fragmentOffset = 65_528;
      },
    );
    rule.sendPacket(tiny);
    rule.sendPacket(overlap);
    rule.sendPacket(pingOfDeath);
    expect(rule.detections.map((d) => Object.keys(d.evidence['checks'] as object))).toEqual([
      ['tiny-fragment'],
      ['overlapping-fragment'],
      ['oversized-fragment'],
    ]);
    expect(rule.detections.map((d) => d.severity)).toEqual(['medium', 'high', 'high']);
  });

  it('should count IPv4 options except on IGMP, and frame length oddities', () => {
    const rule = harness(malformedRule());
    for (let i = 0; i < 100; i++) {
      rule.sendPacket(
        packetOf({ t: T0 + i, src: '10.77.0.7', dst: '224.0.0.22', protocol: 2 }, (p) => {
          p.ipOptions = true; // IGMPv3 report with Router Alert
        }),
      );
    }
    expect(rule.detections).toEqual([]);
    for (let i = 0; i < 5; i++) {
      rule.sendPacket(
        packetOf({ t: T0 + i, src: '10.77.0.9', dst: '10.77.0.2' }, (p) => {
          p.ipOptions = true;
          p.wirelen = 70_000;
          p.caplen = 70_001;
        }),
      );
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]?.evidence['checks']).toEqual({
      'ip-options': 4,
      'caplen-over-wirelen': 4,
      'oversized-frame': 4,
    });
  });

  it('should group frames without a network layer under a null source', () => {
    const rule = harness(malformedRule());
    const packet = new Packet();
    packet.caplen = packet.wirelen = 10;
    for (let i = 0; i < 10; i++) {
      packet.seconds = T0 + i;
      rule.sendPacket(packet, DECODE.TRUNCATED_ETHERNET);
    }
    expect(rule.detections[0]).toMatchObject({ src: null, dst: null });
    expect(rule.detections[0]?.summary).toMatch(/^Frames without a readable source sent 10/);
  });

  it('should report a sustained stream from one source once per cooldown', () => {
    const rule = harness(malformedRule());
    const packet = packetOf({ t: T0, src: '10.77.0.9', dst: '10.77.0.2' });
    for (let i = 0; i < 1000; i++) {
      packet.seconds = T0 + Math.floor(i / 10); // 10 a second for 100 s
      rule.sendPacket(packet, DECODE.BAD_IPV4_TOTAL_LENGTH);
    }
    expect(rule.detections).toHaveLength(1);
  });

  it('should keep its tables bounded under many spoofed sources', () => {
    const rule = harness((emit) => new MalformedDetector(emit));
    const detector = rule.detector;
    const packet = packetOf({ t: T0, src: '10.0.0.0', dst: '10.77.0.2' });
    for (let i = 0; i < 100_000; i++) {
      packet.src[0] = 0x0b000000 + (i % 20_000);
      packet.nanos = i * 1000;
      rule.sendPacket(packet, DECODE.BAD_IPV4_TOTAL_LENGTH);
    }
    expect(detector.findings.size).toBe(MALFORMED_DEFAULTS.maxSources);
    expect(detector.findings.evictions).toBe(100_000 - MALFORMED_DEFAULTS.maxSources);
    expect(detector.points.table.size).toBe(MALFORMED_DEFAULTS.maxSources);
    expect(rule.detections).toEqual([]); // 5 errors per source: spread too thin to report
  });
});

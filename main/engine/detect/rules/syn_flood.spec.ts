import { describe, expect, it } from 'vitest';
import { TCP_FLAG } from '../../decode/packet';
import { testPacket } from '../../flows/test-packets';
import { harness } from './rule-test-kit';
import { SYN_FLOOD_DEFAULTS, SynFloodDetector, synFloodRule } from './syn_flood';

const SYN = TCP_FLAG.SYN;
const SYN_ACK = TCP_FLAG.SYN | TCP_FLAG.ACK;
const ACK = TCP_FLAG.ACK;
const T0 = 1_700_000_000;
/** Half-open SYNs in one window that reach the threshold. */
const THRESHOLD = SYN_FLOOD_DEFAULTS.halfOpenPerSecond * SYN_FLOOD_DEFAULTS.windowSeconds;

describe('syn_flood', () => {
  it('should stay quiet on FIN, RST and PSH-ACK floods: those are tcp_flag_flood', () => {
    const rule = harness(synFloodRule());
    const { FIN, RST, PSH } = TCP_FLAG;
    for (const flags of [FIN, RST, PSH | ACK]) {
      for (let i = 0; i < THRESHOLD * 4; i++) {
        const t = T0 + i * 0.0005;
        rule.send({ t, src: '10.77.0.66', dst: '10.77.0.10', srcPort: 2000 + i, dstPort: 80, flags }, i + 1);
        // the server answers a segment for no connection with a reset
        const back = { src: '10.77.0.10', dst: '10.77.0.66', srcPort: 80, dstPort: 2000 + i, flags: RST | ACK };
        rule.send({ t, ...back }, i + 1);
      }
    }
    expect(rule.detections).toEqual([]);
  });

  it('should report a single-source flood at the threshold with the source named', () => {
    const rule = harness(synFloodRule());
    for (let i = 0; i < THRESHOLD; i++) {
      const t = T0 + i * 0.005; // 200 SYN/s
      rule.send({ t, src: '10.77.0.9', dst: '10.77.0.2', srcPort: 1024 + i, dstPort: 80, flags: SYN }, i + 1);
      rule.send({ t, src: '10.77.0.2', dst: '10.77.0.9', srcPort: 80, dstPort: 1024 + i, flags: SYN_ACK }, i + 1);
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({
      kind: 'syn_flood',
      severity: 'medium',
      src: '10.77.0.9',
      dst: '10.77.0.2',
      detector: 'rule:syn_flood',
      firstSeen: T0,
      score: 0.5,
    });
    expect(rule.detections[0]?.evidence).toMatchObject({
      port: 80,
      syns: 500,
      completed: 0,
      halfOpen: 500,
      sources: 1,
    });
    expect(rule.detections[0]?.summary).toBe(
      '10.77.0.2 port 80 received 500 SYNs from 10.77.0.9 within 5 s and 0 completed (100 half-open/s)',
    );
  });

  it('should stay quiet one SYN below the threshold', () => {
    const rule = harness(synFloodRule());
    for (let i = 0; i < THRESHOLD - 1; i++) {
      rule.send(
        { t: T0 + i * 0.005, src: '10.77.0.9', dst: '10.77.0.2', srcPort: 1024 + i, dstPort: 80, flags: SYN },
        i + 1,
      );
    }
    expect(rule.detections).toEqual([]);
  });

  it('should report a flood from spoofed sources with src null', () => {
    const rule = harness(synFloodRule());
    for (let i = 0; i < 2000; i++) {
      const src = `172.16.${(i >>> 8) & 0xff}.${i & 0xff}`;
      rule.send({ t: T0 + i * 0.001, src, dst: '10.77.0.2', srcPort: 1024 + i, dstPort: 22, flags: SYN }, i + 1);
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({ src: null, dst: '10.77.0.2' });
    expect(rule.detections[0]?.evidence).toMatchObject({ port: 22, sources: 64, sourcesCapped: true });
    expect(rule.detections[0]?.summary).toContain('from at least 64 sources');
  });

  it('should stay quiet on a busy web server whose clients complete their handshakes', () => {
    const rule = harness(synFloodRule());
    for (let i = 0; i < 5000; i++) {
      const t = T0 + i * 0.001; // 1000 connections a second from 50 clients
      const client = `10.77.1.${i % 50}`;
      const port = 20000 + i;
      rule.send({ t, src: client, dst: '10.77.0.2', srcPort: port, dstPort: 443, flags: SYN }, i + 1);
      rule.send({ t, src: '10.77.0.2', dst: client, srcPort: 443, dstPort: port, flags: SYN_ACK }, i + 1);
      rule.send({ t, src: client, dst: '10.77.0.2', srcPort: port, dstPort: 443, flags: ACK }, i + 1);
    }
    expect(rule.detections).toEqual([]);
  });

  it('should not count a retransmitted SYN as another handshake', () => {
    const rule = harness(synFloodRule());
    for (let i = 0; i < THRESHOLD * 2; i++) {
      rule.send({ t: T0 + i * 0.001, src: '10.77.1.5', dst: '10.77.0.2', srcPort: 40000, dstPort: 443, flags: SYN }, 7);
    }
    expect(rule.detections).toEqual([]);
  });

  it('should keep memory bounded under a million spoofed sources', () => {
    const rule = harness((emit) => new SynFloodDetector(emit));
    const packet = testPacket({ t: T0, src: '0.0.0.0', dst: '10.77.0.2', srcPort: 1024, dstPort: 80, flags: SYN });
    const detector = rule.detector;
    for (let i = 0; i < 1_000_000; i++) {
      packet.src[0] = 0x0b000000 + i; // a new spoofed source each time
      packet.nanos = i * 100;
      detector.onPacket(packet, 0, { index: i, fileOffset: 0, flowId: i + 1 });
    }
    expect(detector.pending.size).toBe(SYN_FLOOD_DEFAULTS.maxPending);
    expect(detector.pending.evictions).toBe(1_000_000 - SYN_FLOOD_DEFAULTS.maxPending);
    expect(detector.syns.sourcesOf(0x0a4d0002 * 65536 + 80)?.size).toBe(SYN_FLOOD_DEFAULTS.maxSourcesPerTarget);
    // Reported once a minute of capture time: the 0.1 s of flood makes one detection.
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]?.src).toBeNull();
  }, 30_000);
});

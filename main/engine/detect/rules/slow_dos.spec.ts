import { describe, expect, it } from 'vitest';
import { DECODE } from '../../decode';
import { Packet, TCP_FLAG } from '../../decode/packet';
import { fillPacket, type TestPacket } from '../../flows/test-packets';
import type { Detection } from '../detection';
import { SLOW_DOS_DEFAULTS, SlowDosDetector, type SlowDosOptions } from './slow_dos';

const { SYN, ACK, PSH, FIN } = TCP_FLAG;
const SERVER = '10.77.0.3';

function setup(options: SlowDosOptions = {}) {
  const detections: Detection[] = [];
  const detector = new SlowDosDetector((d) => detections.push(d), options);
  const packet = new Packet();
  /** Feeds a packet belonging to flow `flowId` (the id the flow table would have given it). */
  const add = (flowId: number, fields: TestPacket): void => {
    detector.onPacket(fillPacket(packet, fields), DECODE.OK, { index: 0, fileOffset: 0, flowId });
  };
  return { detector, detections, add };
}

describe('SlowDosDetector', () => {
  it('should report one client holding 30 unanswered near-idle connections open past 20 s', () => {
    const { detections, add } = setup();
    const n = SLOW_DOS_DEFAULTS.minConnections;
    // slowloris: open n connections, send a partial request, then one header line every 15 s.
    for (let c = 0; c < n; c++) {
      const out = { src: '10.77.0.66', dst: SERVER, srcPort: 30000 + c, dstPort: 80 };
      add(c + 1, { t: 100 + c * 0.01, ...out, flags: SYN });
      add(c + 1, { t: 100.5 + c * 0.01, ...out, flags: PSH | ACK, payload: 200 });
    }
    for (let round = 1; round <= 3; round++) {
      for (let c = 0; c < n; c++) {
        const out = { src: '10.77.0.66', dst: SERVER, srcPort: 30000 + c, dstPort: 80 };
        add(c + 1, { t: 100 + 15 * round + c * 0.01, ...out, flags: PSH | ACK, payload: 20 });
      }
    }
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({
      kind: 'slow_dos',
      severity: 'high',
      src: '10.77.0.66',
      dst: SERVER,
      detector: 'rule:slow_dos',
      score: 0.5,
      evidence: { slowConnections: 30, port: 80 },
    });
    expect(detections[0]?.firstSeen).toBeCloseTo(100, 3);
  });

  it('should stay quiet one connection short of the threshold', () => {
    const { detections, add } = setup();
    const n = SLOW_DOS_DEFAULTS.minConnections - 1;
    for (let round = 0; round <= 4; round++) {
      for (let c = 0; c < n; c++) {
        const out = { src: '10.77.0.66', dst: SERVER, srcPort: 30000 + c, dstPort: 80 };
        add(c + 1, { t: 100 + 15 * round + c * 0.01, ...out, flags: round === 0 ? SYN : PSH | ACK, payload: 20 });
      }
    }
    expect(detections).toEqual([]);
  });

  it('should report slowhttptest whose follow-ups come exactly every 10 s and whose test ends at 31 s', () => {
    const { detections, add } = setup();
    // slowhttptest -H -c 200 -r 50 -i 10 -l 30 as captured in the lab: a 231-byte partial request,
    // follow-ups at exactly +10, +20, +30 s after the connect, FIN at +31 s; the server only ACKs.
    const n = 200;
    const out = (c: number) => ({ src: '10.77.0.66', dst: SERVER, srcPort: 30000 + c, dstPort: 80 });
    const back = (c: number) => ({ src: SERVER, dst: '10.77.0.66', srcPort: 80, dstPort: 30000 + c });
    for (let c = 0; c < n; c++) {
      const t0 = 100 + c * 0.02;
      add(c + 1, { t: t0, ...out(c), flags: SYN });
      add(c + 1, { t: t0 + 0.0003, ...out(c), flags: PSH | ACK, payload: 231 });
      add(c + 1, { t: t0 + 0.0004, ...back(c), flags: ACK });
    }
    for (let round = 1; round <= 3; round++) {
      for (let c = 0; c < n; c++) {
        add(c + 1, { t: 100 + c * 0.02 + 10 * round - 0.0001, ...out(c), flags: PSH | ACK, payload: 24 });
      }
    }
    for (let c = 0; c < n; c++) add(c + 1, { t: 131 + c * 0.02, ...out(c), flags: FIN | ACK });
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({ kind: 'slow_dos', src: '10.77.0.66', evidence: { slowConnections: 200 } });
  });

  it('should not count the last ACK after a FIN as a new idle connection', () => {
    const { detections, detector, add } = setup();
    // 60 short page loads: each ends with the client's ACK of the server's FIN, after the flow's FIN.
    for (let c = 0; c < 60; c++) {
      const out = { src: '10.77.0.23', dst: SERVER, srcPort: 40000 + c, dstPort: 80 };
      add(c + 1, { t: 100 + c * 0.5, ...out, flags: SYN });
      add(c + 1, { t: 100.1 + c * 0.5, ...out, flags: FIN | ACK });
      add(c + 1, { t: 100.2 + c * 0.5, ...out, flags: ACK });
    }
    add(999, { t: 200, src: '10.77.0.23', dst: SERVER, srcPort: 39999, dstPort: 80, flags: SYN });
    expect(detections).toEqual([]);
    expect(detector.size).toBe(2);
  });

  it('should stay quiet on long-polling web clients whose requests the server answers', () => {
    const { detections, add } = setup();
    // 60 clients behind one NAT address, each long-polling on its own connection: the server
    // answers every 55 s, and the client sends the next complete request.
    for (let round = 0; round < 6; round++) {
      for (let c = 0; c < 60; c++) {
        const out = { src: '10.77.0.20', dst: SERVER, srcPort: 30000 + c, dstPort: 443 };
        const back = { src: SERVER, dst: '10.77.0.20', srcPort: 443, dstPort: 30000 + c };
        const t = 100 + 55 * round + c * 0.01;
        add(c + 1, { t, ...out, flags: round === 0 ? SYN : PSH | ACK, payload: round === 0 ? 0 : 600 });
        add(c + 1, { t: t + 54, ...back, flags: PSH | ACK, payload: 400 });
      }
    }
    expect(detections).toEqual([]);
  });

  it('should forget connections that close with FIN', () => {
    const { detector, add } = setup();
    for (let c = 0; c < 100; c++) {
      const out = { src: '10.77.0.21', dst: SERVER, srcPort: 30000 + c, dstPort: 80 };
      add(c + 1, { t: 100 + c, ...out, flags: SYN });
      add(c + 1, { t: 100.5 + c, ...out, flags: FIN | ACK });
    }
    expect(detector.size).toBe(0);
  });

  it('should keep its tables within their caps under a spoofed SYN flood to port 80', () => {
    const { detector, add } = setup({ maxConnections: 500, maxPairs: 200 });
    for (let i = 0; i < 20_000; i++) {
      add(i + 1, {
        t: 100 + i * 0.001,
        src: `10.${(i >> 8) & 255}.${i & 255}.9`,
        dst: SERVER,
        srcPort: 1024 + (i % 60000),
        dstPort: 80,
        flags: SYN,
      });
    }
    expect(detector.size).toBeLessThanOrEqual(700);
  });

  it('should ignore traffic to ports it does not watch', () => {
    const { detector, add } = setup();
    add(1, { t: 100, src: '10.77.0.66', dst: SERVER, srcPort: 30000, dstPort: 22, flags: SYN | ACK });
    expect(detector.size).toBe(0);
  });
});

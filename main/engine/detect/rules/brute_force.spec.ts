import { describe, expect, it } from 'vitest';
import { Packet, TCP_FLAG } from '../../decode/packet';
import { FlowTable } from '../../flows/flow-table';
import { fillPacket, type TestPacket } from '../../flows/test-packets';
import type { Detection } from '../detection';
import { BRUTE_FORCE_DEFAULTS, BruteForceDetector, type BruteForceOptions } from './brute_force';

const { SYN, ACK, FIN, PSH } = TCP_FLAG;

/** A detector fed closed flows by a real FlowTable, as the pipeline does. */
function setup(options: BruteForceOptions = {}) {
  const detections: Detection[] = [];
  const detector = new BruteForceDetector((d) => detections.push(d), options);
  const table = new FlowTable({ onFlow: (flow) => detector.onFlow(flow) });
  const packet = new Packet();
  const add = (fields: TestPacket): void => {
    table.add(fillPacket(packet, fields));
  };
  /**
   * One TCP session from client:port to server:service starting at t: handshake, a request of
   * `request` bytes, a response of `response` bytes, then FIN both ways, lasting `seconds`.
   */
  const session = (
    t: number,
    client: string,
    port: number,
    server: string,
    service: number,
    shape: { request?: number; response?: number; seconds?: number } = {},
  ): void => {
    const { request = 100, response = 500, seconds = 2 } = shape;
    const out = { src: client, dst: server, srcPort: port, dstPort: service };
    const back = { src: server, dst: client, srcPort: service, dstPort: port };
    add({ t, ...out, flags: SYN });
    add({ t: t + 0.001, ...back, flags: SYN | ACK });
    add({ t: t + 0.002, ...out, flags: ACK });
    add({ t: t + 0.01, ...back, flags: PSH | ACK, payload: response });
    add({ t: t + 0.02, ...out, flags: PSH | ACK, payload: request });
    add({ t: t + seconds - 0.002, ...back, flags: FIN | ACK });
    add({ t: t + seconds - 0.001, ...out, flags: FIN | ACK });
    add({ t: t + seconds, ...back, flags: ACK });
  };
  return { detector, detections, table, session };
}

describe('BruteForceDetector', () => {
  it('should report ten short ssh sessions within 120 s with attempts, service and window', () => {
    const { detections, session } = setup();
    for (let i = 0; i < 10; i++) session(1000 + 5 * i, '10.77.0.66', 40000 + i, '10.77.0.2', 22);
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({
      kind: 'brute_force',
      severity: 'high',
      src: '10.77.0.66',
      dst: '10.77.0.2',
      detector: 'rule:brute_force',
      score: 0.5,
      evidence: { attempts: 10, service: 'ssh', port: 22, windowSeconds: 120 },
    });
    expect(detections[0]?.firstSeen).toBeCloseTo(1002, 3);
    expect(detections[0]?.lastSeen).toBeCloseTo(1047, 3);
    expect(detections[0]?.evidence.flowIds).toHaveLength(10);
  });

  it('should report once per cooldown while the guessing goes on', () => {
    const { detections, session } = setup();
    for (let i = 0; i < 40; i++) session(1000 + 2 * i, '10.77.0.66', 40000 + i, '10.77.0.2', 22);
    expect(detections).toHaveLength(1);
    expect(detections[0]?.evidence.attempts).toBe(10);
  });

  it('should stay quiet on a user who mistypes a password twice and reconnects', () => {
    const { detections, session } = setup();
    // Two failed sessions, then one that logs in and works for ten minutes.
    session(1000, '10.77.0.10', 50000, '10.77.0.2', 22, { seconds: 8 });
    session(1010, '10.77.0.10', 50001, '10.77.0.2', 22, { seconds: 8 });
    session(1020, '10.77.0.10', 50002, '10.77.0.2', 22, { seconds: 600 });
    expect(detections).toEqual([]);
  });

  it('should stay quiet one session short of the threshold and on spread-out sessions', () => {
    const { detections, session } = setup();
    for (let i = 0; i < 9; i++) session(1000 + 5 * i, '10.77.0.66', 40000 + i, '10.77.0.2', 22);
    // A cron job logging in every 5 minutes.
    for (let i = 0; i < 30; i++) session(5000 + 300 * i, '10.77.0.11', 41000 + i, '10.77.0.2', 22);
    expect(detections).toEqual([]);
  });

  it('should count HTTP sessions only when the server answered with a small response', () => {
    const { detections, session } = setup();
    const http = BRUTE_FORCE_DEFAULTS.services[80];
    expect(http?.attempts).toBe(100);
    // A client fetching full pages on fresh connections, quickly: not login failures.
    for (let i = 0; i < 150; i++)
      session(1000 + 0.3 * i, '10.77.0.12', 42000 + i, '10.77.0.3', 80, { response: 40_000 });
    expect(detections).toEqual([]);
    // A guesser getting 401 pages of 300 bytes.
    for (let i = 0; i < 100; i++) session(2000 + 0.3 * i, '10.77.0.66', 43000 + i, '10.77.0.3', 80, { response: 300 });
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({
      src: '10.77.0.66',
      dst: '10.77.0.3',
      evidence: { service: 'http', attempts: 100 },
    });
  });

  it('should stay quiet on a long-polling web client that reconnects every 30 s', () => {
    const { detections, session } = setup();
    for (let i = 0; i < 200; i++)
      session(1000 + 30 * i, '10.77.0.13', 44000 + i, '10.77.0.3', 443, { seconds: 29, response: 200 });
    expect(detections).toEqual([]);
  });

  it('should honour overridden thresholds', () => {
    const { detections, session } = setup({
      services: { 2222: { name: 'ssh-alt', attempts: 3, windowSeconds: 60, maxSessionSeconds: 30 } },
    });
    for (let i = 0; i < 3; i++) session(1000 + i, '10.77.0.66', 40000 + i, '10.77.0.2', 2222);
    for (let i = 0; i < 20; i++) session(1100 + i, '10.77.0.66', 41000 + i, '10.77.0.2', 22);
    expect(detections.map((d) => d.evidence.service)).toEqual(['ssh-alt']);
  });

  it('should keep at most maxKeys keys under sessions from many spoofed sources', () => {
    const { detector, session } = setup({ maxKeys: 50 });
    for (let i = 0; i < 2_000; i++)
      session(1000 + i * 0.01, `10.${(i >> 8) & 255}.${i & 255}.1`, 40000, '10.77.0.2', 22);
    expect(detector.size).toBeLessThanOrEqual(100);
  });
});

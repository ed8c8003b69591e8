import { describe, expect, it } from 'vitest';
import { DECODE } from '../../decode';
import { IPPROTO, Packet, TCP_FLAG } from '../../decode/packet';
import { fillPacket, type TestPacket } from '../../flows/test-packets';
import type { Detection } from '../detection';
import { baselineFromLists, FirstSeenDetector, type FirstSeenOptions } from './first_seen';

const { SYN, ACK } = TCP_FLAG;
const FRAME = { index: 0, fileOffset: 0, flowId: 0 };
const BASELINE = baselineFromLists(
  ['10.77.0.1', '10.77.0.2', '10.77.0.10', 'fd00::2'],
  [
    { address: '10.77.0.2', protocol: 'tcp', port: 22 },
    { address: '10.77.0.1', protocol: 'udp', port: 53 },
  ],
);

function setup(options: FirstSeenOptions = { baseline: BASELINE }) {
  const detections: Detection[] = [];
  const detector = new FirstSeenDetector((d) => detections.push(d), options);
  const packet = new Packet();
  const add = (fields: TestPacket): void => {
    detector.onPacket(fillPacket(packet, fields), DECODE.OK, FRAME);
  };
  return { detector, detections, add };
}

describe('FirstSeenDetector', () => {
  it('should report a host missing from the baseline once, however often it talks', () => {
    const { detections, add } = setup();
    for (let i = 0; i < 5; i++)
      add({ t: 100 + i, src: '10.77.0.99', dst: '10.77.0.2', srcPort: 40000, dstPort: 22, flags: SYN });
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({
      kind: 'first_seen',
      severity: 'low',
      src: '10.77.0.99',
      dst: null,
      firstSeen: 100,
      detector: 'rule:first_seen',
      evidence: { novelty: 'host', address: '10.77.0.99' },
    });
  });

  it('should report a known host answering on a new TCP port once', () => {
    const { detections, add } = setup();
    const reply = { src: '10.77.0.2', dst: '10.77.0.10', srcPort: 8080, dstPort: 40000, flags: SYN | ACK };
    add({ t: 100, ...reply });
    add({ t: 101, ...reply, dstPort: 40001 });
    // Its known ssh service, and a plain ACK from a new port, are not new services.
    add({ t: 102, ...reply, srcPort: 22 });
    add({ t: 103, ...reply, srcPort: 9999, flags: ACK });
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({
      severity: 'medium',
      src: '10.77.0.2',
      evidence: { novelty: 'service', protocol: 'tcp', port: 8080 },
    });
  });

  it('should report a UDP reply from a new well-known port but not a client’s own port', () => {
    const { detections, add } = setup();
    const udp = { protocol: IPPROTO.UDP, src: '10.77.0.1', dst: '10.77.0.10' };
    add({ t: 100, ...udp, srcPort: 53, dstPort: 51000 });
    add({ t: 101, ...udp, srcPort: 123, dstPort: 51001 });
    add({ t: 102, ...udp, srcPort: 51002, dstPort: 53 });
    expect(detections.map((d) => d.evidence.port)).toEqual([123]);
  });

  it('should ignore public addresses and known IPv6 hosts', () => {
    const { detections, add } = setup();
    add({ t: 100, src: '93.184.216.34', dst: '10.77.0.10', srcPort: 443, dstPort: 40000, flags: SYN | ACK });
    add({ t: 101, src: 'fd00::2', dst: 'fd00::10', srcPort: 40000, dstPort: 22, flags: SYN });
    expect(detections).toEqual([]);
  });

  it('should stay off without a baseline', () => {
    const { detector, detections, add } = setup({});
    add({ t: 100, src: '10.77.0.99', dst: '10.77.0.2', srcPort: 8080, dstPort: 40000, flags: SYN | ACK });
    expect(detections).toEqual([]);
    expect(detector.size).toBe(0);
  });

  it('should cap reports per minute and its memory under a spoofed flood of local sources', () => {
    const { detector, detections, add } = setup({ baseline: BASELINE, maxRemembered: 1000 });
    for (let i = 0; i < 20_000; i++) {
      add({
        t: 100 + i * 0.001,
        src: `10.${(i >> 8) & 255}.${i & 255}.7`,
        dst: '10.77.0.2',
        srcPort: 1,
        dstPort: 22,
        flags: SYN,
      });
    }
    expect(detections).toHaveLength(20);
    expect(detector.size).toBeLessThanOrEqual(1000);
    // The next minute reports again, saying how many were held back.
    add({ t: 200, src: '10.200.0.1', dst: '10.77.0.2', srcPort: 1, dstPort: 22, flags: SYN });
    expect(detections).toHaveLength(21);
    expect(detections[20]?.evidence.suppressedBefore).toBe(19_980);
  });
});

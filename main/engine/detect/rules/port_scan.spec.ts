import { describe, expect, it } from 'vitest';
import { IPPROTO, TCP_FLAG } from '../../decode/packet';
import { testPacket } from '../../flows/test-packets';
import { PORT_SCAN_DEFAULTS, PortScanDetector, portScanRule } from './port_scan';
import { harness } from './rule-test-kit';

const SYN = TCP_FLAG.SYN;
const SYN_ACK = TCP_FLAG.SYN | TCP_FLAG.ACK;
const RST_ACK = TCP_FLAG.RST | TCP_FLAG.ACK;
const T0 = 1_700_000_000;

describe('port_scan', () => {
  it('should report a SYN scan at the fast threshold with kind, addresses and evidence', () => {
    const rule = harness(portScanRule());
    for (let i = 0; i < PORT_SCAN_DEFAULTS.fastPorts; i++) {
      const port = 1000 + i;
      rule.send({ t: T0 + i * 0.01, src: '10.77.0.9', dst: '10.77.0.2', srcPort: 40000, dstPort: port, flags: SYN });
      // Closed ports answer RST-ACK, which does not count as an answer from a service.
      rule.send({
        t: T0 + i * 0.01 + 0.001,
        src: '10.77.0.2',
        dst: '10.77.0.9',
        srcPort: port,
        dstPort: 40000,
        flags: RST_ACK,
      });
    }
    expect(rule.detections).toHaveLength(1);
    const [scan] = rule.detections;
    expect(scan).toMatchObject({
      kind: 'port_scan',
      severity: 'low',
      src: '10.77.0.9',
      dst: '10.77.0.2',
      detector: 'rule:port_scan',
      firstSeen: T0,
      score: 0.5,
    });
    expect(scan?.evidence).toMatchObject({ ports: 20, scanTypes: ['syn'], probes: 20, window: 'fast', udpPorts: [] });
    expect(scan?.evidence['tcpPorts']).toHaveLength(20);
    expect(scan?.summary).toBe('10.77.0.9 probed 20 ports on 10.77.0.2 within 60 s (syn scan, 20 probes)');
  });

  it('should report an IPv6 scan with RFC 5952 addresses', () => {
    const rule = harness(portScanRule());
    for (let port = 1; port <= PORT_SCAN_DEFAULTS.fastPorts; port++) {
      rule.send({
        t: T0 + port * 0.01,
        src: '2001:db8::9',
        dst: '2001:db8::2',
        srcPort: 40000,
        dstPort: port,
        flags: SYN,
      });
    }
    expect(rule.detections[0]).toMatchObject({ src: '2001:db8::9', dst: '2001:db8::2' });
  });

  it('should stay quiet one port below the threshold', () => {
    const rule = harness(portScanRule());
    for (let i = 0; i < PORT_SCAN_DEFAULTS.fastPorts - 1; i++) {
      rule.send({ t: T0 + i, src: '10.77.0.9', dst: '10.77.0.2', srcPort: 40000, dstPort: 1 + i, flags: SYN });
    }
    expect(rule.detections).toEqual([]);
  });

  it('should stay quiet on a web client opening 30 connections to port 443', () => {
    const rule = harness(portScanRule());
    for (let i = 0; i < 30; i++) {
      const client = 50000 + i;
      rule.send({ t: T0 + i * 0.1, src: '10.77.1.5', dst: '10.77.0.2', srcPort: client, dstPort: 443, flags: SYN });
      rule.send({
        t: T0 + i * 0.1 + 0.001,
        src: '10.77.0.2',
        dst: '10.77.1.5',
        srcPort: 443,
        dstPort: client,
        flags: SYN_ACK,
      });
    }
    expect(rule.detections).toEqual([]);
  });

  it('should not count ports the target accepts (passive FTP data connections)', () => {
    const rule = harness(portScanRule());
    for (let i = 0; i < 100; i++) {
      const port = 30000 + i;
      rule.send({ t: T0 + i, src: '10.77.1.5', dst: '10.77.0.2', srcPort: 50000 + i, dstPort: port, flags: SYN });
      rule.send({
        t: T0 + i + 0.001,
        src: '10.77.0.2',
        dst: '10.77.1.5',
        srcPort: port,
        dstPort: 50000 + i,
        flags: SYN_ACK,
      });
    }
    expect(rule.detections).toEqual([]);
  });

  it('should report a slow scan (nmap -T1, 15 s between probes) through the long window', () => {
    const rule = harness(portScanRule());
    for (let i = 0; i < PORT_SCAN_DEFAULTS.slowPorts; i++) {
      rule.send({ t: T0 + i * 15, src: '10.77.0.9', dst: '10.77.0.2', srcPort: 41000, dstPort: 20 + i, flags: SYN });
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]?.evidence).toMatchObject({ window: 'slow', ports: 30, windowSeconds: 3600 });
    expect(rule.detections[0]?.lastSeen).toBe(T0 + 29 * 15);
  });

  it('should name FIN, NULL and XMAS probes in the scan type', () => {
    const rule = harness(portScanRule());
    const kinds = [TCP_FLAG.FIN, 0, TCP_FLAG.FIN | TCP_FLAG.PSH | TCP_FLAG.URG];
    for (let i = 0; i < 21; i++) {
      rule.send({
        t: T0 + i * 0.01,
        src: '10.77.0.9',
        dst: '10.77.0.2',
        srcPort: 40000,
        dstPort: 100 + i,
        flags: kinds[i % 3] ?? 0,
      });
    }
    expect(rule.detections[0]?.evidence['scanTypes']).toEqual(['fin', 'null', 'xmas']);
  });

  it('should report a UDP scan and stay quiet on a DNS server answering many client ports', () => {
    const rule = harness(portScanRule());
    for (let i = 0; i < 40; i++) {
      rule.send({
        t: T0 + i * 0.01,
        src: '10.77.0.9',
        dst: '10.77.0.3',
        protocol: IPPROTO.UDP,
        srcPort: 52000,
        dstPort: 100 + i,
      });
      // Resolver answers to the client's random ports: replies, not probes.
      rule.send({
        t: T0 + i * 0.01,
        src: '10.77.0.53',
        dst: '10.77.1.5',
        protocol: IPPROTO.UDP,
        srcPort: 53,
        dstPort: 30000 + i * 7,
      });
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({ src: '10.77.0.9', dst: '10.77.0.3' });
    expect(rule.detections[0]?.evidence).toMatchObject({ scanTypes: ['udp'], tcpPorts: [] });
  });

  it('should report a sustained scan once per cooldown and grade its scale', () => {
    const rule = harness(portScanRule());
    // 1000 ports over 100 s: the first report comes at the threshold, the next a cooldown later.
    for (let port = 1; port <= 1000; port++) {
      rule.send({ t: T0 + port * 0.1, src: '10.77.0.9', dst: '10.77.0.2', srcPort: 40000, dstPort: port, flags: SYN });
    }
    expect(rule.detections.map((scan) => scan.severity)).toEqual(['low', 'high']);
    expect(rule.detections[1]?.score).toBe(1);
    expect(rule.detections[1]?.evidence).toMatchObject({ ports: 400, portsCapped: true });
    expect(rule.detections[1]?.summary).toMatch(/^10\.77\.0\.9 probed at least 400 ports/);
  });

  it('should keep memory bounded under a million spoofed sources', () => {
    const rule = harness((emit) => new PortScanDetector(emit));
    const packet = testPacket({ t: T0, src: '10.0.0.0', dst: '10.77.0.2', srcPort: 1024, dstPort: 80, flags: SYN });
    for (let i = 0; i < 1_000_000; i++) {
      packet.src[0] = 0x0a000000 + i; // 10.x.y.z, a new spoofed source each time
      packet.nanos = i * 100;
      rule.sendPacket(packet);
    }
    const detector = rule.detector;
    expect(detector.pairs.size).toBe(PORT_SCAN_DEFAULTS.maxPairs);
    expect(detector.pairs.evictions).toBe(1_000_000 - PORT_SCAN_DEFAULTS.maxPairs);
    expect(rule.detections).toEqual([]);
  }, 30_000);
});

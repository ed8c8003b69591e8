import { describe, expect, it } from 'vitest';
import { TCP_FLAG } from '../../decode/packet';
import { harness } from './rule-test-kit';
import { FLAG_CLASSES, TCP_FLAG_FLOOD_DEFAULTS, flagClass, tcpFlagFloodRule } from './tcp_flag_flood';

const { FIN, SYN, RST, PSH, ACK, URG } = TCP_FLAG;
const T0 = 1_700_000_000;
const LIMIT = TCP_FLAG_FLOOD_DEFAULTS.packetsPerSecond * TCP_FLAG_FLOOD_DEFAULTS.windowSeconds;

describe('flagClass', () => {
  it('should class odd flag sets and pass healthy ones', () => {
    const name = (flags: number, payload = 0) => FLAG_CLASSES[flagClass(flags, payload)] ?? 'healthy';
    expect(name(FIN)).toBe('fin');
    expect(name(RST)).toBe('rst');
    expect(name(PSH | ACK)).toBe('psh-no-data');
    expect(name(SYN | FIN)).toBe('syn-fin');
    expect(name(SYN | RST)).toBe('syn-rst');
    expect(name(FIN | RST | ACK)).toBe('fin-rst');
    expect(name(0)).toBe('null');
    expect(name(FIN | PSH | URG)).toBe('xmas');
    expect(name(PSH | ACK, 100)).toBe('healthy');
    expect(name(ACK)).toBe('healthy');
    expect(name(FIN | ACK)).toBe('healthy');
    expect(name(RST | ACK)).toBe('healthy');
    expect(name(SYN)).toBe('healthy');
    expect(name(SYN | ACK)).toBe('healthy');
  });
});

describe('tcp_flag_flood', () => {
  it('should not count the RSTs a raw-socket SYN flooder sends back for every SYN-ACK', () => {
    // hping3 -S: the kernel of the sending host refuses each SYN-ACK it did not ask for with a bare RST.
    const rule = harness(tcpFlagFloodRule());
    for (let i = 0; i < LIMIT * 2; i++) {
      const t = T0 + i * 0.0005;
      const out = { src: '10.77.0.66', dst: '10.77.0.10', srcPort: 2000 + i, dstPort: 80 };
      const back = { src: '10.77.0.10', dst: '10.77.0.66', srcPort: 80, dstPort: 2000 + i };
      rule.send({ t, ...out, flags: SYN }, i + 1);
      rule.send({ t: t + 0.0001, ...back, flags: SYN | ACK }, i + 1);
      rule.send({ t: t + 0.0002, ...out, flags: RST }, i + 1);
    }
    expect(rule.detections).toEqual([]);
  });

  it('should still report a RST flood on connections no SYN-ACK answered', () => {
    const rule = harness(tcpFlagFloodRule());
    for (let i = 0; i < LIMIT; i++) {
      rule.send(
        { t: T0 + i * 0.0005, src: '10.77.0.66', dst: '10.77.0.10', srcPort: 2000 + i, dstPort: 80, flags: RST },
        i + 1,
      );
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({ kind: 'tcp_flag_flood', evidence: { flags: { rst: LIMIT } } });
  });

  it('should report an empty PSH-ACK flood at the threshold', () => {
    const rule = harness(tcpFlagFloodRule());
    for (let i = 0; i < LIMIT; i++) {
      rule.send({
        t: T0 + i * 0.001,
        src: '10.77.0.9',
        dst: '10.77.0.2',
        srcPort: 3000 + i,
        dstPort: 80,
        flags: PSH | ACK,
      });
    }
    expect(rule.detections).toHaveLength(1);
    expect(rule.detections[0]).toMatchObject({
      kind: 'tcp_flag_flood',
      severity: 'medium',
      src: '10.77.0.9',
      dst: '10.77.0.2',
      detector: 'rule:tcp_flag_flood',
      score: 0.5,
    });
    expect(rule.detections[0]?.evidence).toMatchObject({ port: 80, packets: 1000, flags: { 'psh-no-data': 1000 } });
    expect(rule.detections[0]?.summary).toBe(
      '10.77.0.2 port 80 received 1000 psh-no-data segments (200 pps) from 10.77.0.9 within 5 s',
    );
  });

  it('should report a spoofed RST flood with src null and stay quiet just below the threshold', () => {
    const quiet = harness(tcpFlagFloodRule());
    const loud = harness(tcpFlagFloodRule());
    for (let i = 0; i < LIMIT; i++) {
      const packet = {
        t: T0 + i * 0.001,
        src: `172.16.${(i >>> 8) & 0xff}.${i & 0xff}`,
        dst: '10.77.0.2',
        srcPort: 1024 + i,
        dstPort: 443,
        flags: RST,
      };
      if (i < LIMIT - 1) quiet.send(packet);
      loud.send(packet);
    }
    expect(quiet.detections).toEqual([]);
    expect(loud.detections[0]).toMatchObject({ src: null, dst: '10.77.0.2' });
  });

  it('should stay quiet on a busy connection of data segments and ACKs', () => {
    const rule = harness(tcpFlagFloodRule());
    for (let i = 0; i < 20_000; i++) {
      const t = T0 + i * 0.0001;
      rule.send({
        t,
        src: '10.77.1.5',
        dst: '10.77.0.2',
        srcPort: 50000,
        dstPort: 443,
        flags: PSH | ACK,
        payload: 1200,
      });
      rule.send({ t, src: '10.77.0.2', dst: '10.77.1.5', srcPort: 443, dstPort: 50000, flags: ACK });
    }
    expect(rule.detections).toEqual([]);
  });

  it('should leave a FIN scan across many ports to port_scan', () => {
    const rule = harness(tcpFlagFloodRule());
    for (let port = 1; port <= 5000; port++) {
      rule.send({
        t: T0 + port * 0.0001,
        src: '10.77.0.9',
        dst: '10.77.0.2',
        srcPort: 40000,
        dstPort: port,
        flags: FIN,
      });
    }
    expect(rule.detections).toEqual([]);
  });
});

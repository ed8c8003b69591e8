import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../preload/api/alerts';
import { ETHERNET_IPV4 } from '../decode/fixtures';
import { hex } from '../decode/hex';
import { analyzeCapture } from '../pipeline';
import type { CaptureFrame } from '../sources/synthetic-frames';
import { writePcap } from '../sources/write-pcap';
import type { Detection } from './detection';
import { RULE_DEFAULTS, RULES, ruleSet } from './rule-set';
import { harness } from './rules/rule-test-kit';
import { parseThresholds } from './thresholds';

const T0 = 1_700_000_000;

/** `value` as `bytes` bytes of big-endian hex. */
function hexOf(value: number, bytes: number): string {
  return value.toString(16).padStart(2 * bytes, '0');
}

/** An Ethernet/IPv4/TCP frame from 10.77.0.<from>:<sport> to 10.77.0.<to>:<dport> at T0 + at. */
function tcp(
  at: number,
  from: number,
  sport: number,
  to: number,
  dport: number,
  flags: number,
  payload = 0,
): CaptureFrame {
  const bytes = hex(
    ETHERNET_IPV4 +
      '45' + // IPv4, IHL 5
      '00' + // DSCP 0, ECN 0
      hexOf(40 + payload, 2) + // total length
      '0001' + // identification
      '4000' + // DF
      '40' + // TTL 64
      '06' + // protocol TCP
      '0000' + // header checksum (not checked)
      '0a4d00' +
      hexOf(from, 1) + // source 10.77.0.<from>
      '0a4d00' +
      hexOf(to, 1) + // destination 10.77.0.<to>
      hexOf(sport, 2) + // source port
      hexOf(dport, 2) + // destination port
      '00000001' + // sequence number
      '00000001' + // acknowledgment number
      '50' + // data offset 5 (20 bytes)
      hexOf(flags, 1) + // flags
      'faf0' + // window 64240
      '0000' + // checksum (not checked)
      '0000' + // urgent pointer
      '00'.repeat(payload), // payload
  );
  return { seconds: T0 + Math.floor(at), nanos: Math.round((at % 1) * 1e9), bytes };
}

const SYN = 0x02;
const ACK = 0x10;
const PSH_ACK = 0x18;
const FIN_ACK = 0x11;

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-rule-set-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the rule set', () => {
  it('should build every rule once, each named rule:<name>, quiet until traffic arrives', () => {
    const emitted: Detection[] = [];
    const names = RULES.map((factory) => factory((d) => emitted.push(d)).name);
    expect(names).toEqual([...RULE_DEFAULTS.keys()].map((name) => `rule:${name}`));
    expect(names).toHaveLength(13);
    expect(emitted).toEqual([]);
  });

  it('should pass threshold overrides to the rule they name', () => {
    const [portScan] = ruleSet(parseThresholds(['port_scan.fastPorts=3'], RULE_DEFAULTS));
    if (portScan === undefined) throw new Error('no port_scan factory');
    const rule = harness(portScan);
    for (let port = 1; port <= 3; port++)
      rule.send({ t: 1, src: '10.0.0.1', dst: '10.0.0.2', dstPort: port, flags: 2 });
    expect(rule.detections.map((d) => d.kind)).toEqual(['port_scan']);
  });

  it('should raise only a brute_force alert from ssh guessing in a capture file run through the pipeline', async () => {
    const frames: CaptureFrame[] = [];
    // Twelve short sessions from 10.77.0.66 to 10.77.0.2:22, 3 s apart: handshake, banner, guess, FIN.
    for (let i = 0; i < 12; i++) {
      const t = 3 * i;
      const port = 40000 + i;
      frames.push(
        tcp(t, 66, port, 2, 22, SYN),
        tcp(t + 0.001, 2, 22, 66, port, SYN | ACK),
        tcp(t + 0.002, 66, port, 2, 22, ACK),
        tcp(t + 0.01, 2, 22, 66, port, PSH_ACK, 40),
        tcp(t + 0.02, 66, port, 2, 22, PSH_ACK, 200),
        tcp(t + 1.5, 2, 22, 66, port, FIN_ACK),
        tcp(t + 1.501, 66, port, 2, 22, FIN_ACK),
        tcp(t + 1.502, 2, 22, 66, port, ACK),
      );
    }
    const path = join(dir, 'hydra.pcap');
    await writeFile(path, writePcap(frames));
    const alerts: Alert[] = [];
    await analyzeCapture(path, {
      detection: { origin: { type: 'file', path }, onAlerts: (a) => alerts.push(...a) },
    });
    const kinds = new Set(alerts.map((alert) => alert.kind));
    expect([...kinds]).toEqual(['brute_force']);
    expect(alerts.at(-1)).toMatchObject({ src: '10.77.0.66', dst: '10.77.0.2', detector: 'rule:brute_force' });
  });
});

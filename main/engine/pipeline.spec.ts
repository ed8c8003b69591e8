import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ARP_REQUEST,
  ETHERNET_ARP,
  ETHERNET_IPV4,
  ETHERNET_IPV6,
  ICMP_ECHO_REQUEST,
  IPV4_ICMP,
  IPV4_TCP_SYN,
  IPV4_UDP_DNS,
  IPV6_TCP,
  TCP_SYN,
  TCP_SYN_ACK,
  UDP_DNS_QUERY,
} from './decode/fixtures';
import { hex } from './decode/hex';
import type { Alert } from '../../preload/api/alerts';
import type { DetectorFactory } from './detect/detector';
import type { FlowRecord } from './flows/flow-record';
import { analyzeCapture, type PacketObserver } from './pipeline';
import { CaptureFileError } from './sources/inspect';
import type { CaptureFrame } from './sources/synthetic-frames';
import { writePcap } from './sources/write-pcap';
import { writePcapng } from './sources/write-pcapng';

const T0 = 1_700_000_000;
const frame = (bytes: string, at: number): CaptureFrame => ({
  seconds: T0 + Math.floor(at),
  nanos: Math.round((at % 1) * 1e9),
  bytes: hex(bytes),
});

/** 4 TCP SYNs, 3 DNS queries, 2 ICMP echoes, 1 ARP request, 1 IPv6 TCP segment, 1 junk frame. */
const FRAMES: CaptureFrame[] = [
  frame(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN, 0.1),
  frame(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN, 0.2),
  frame(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY, 0.3),
  frame(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN, 1.4),
  frame(ETHERNET_IPV4 + IPV4_ICMP + ICMP_ECHO_REQUEST, 1.5),
  frame(ETHERNET_ARP + ARP_REQUEST, 1.6),
  frame(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY, 2.7),
  frame(ETHERNET_IPV6 + IPV6_TCP + TCP_SYN_ACK, 2.8),
  frame(ETHERNET_IPV4 + IPV4_ICMP + ICMP_ECHO_REQUEST, 2.9),
  frame(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY, 3.0),
  frame(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN, 3.1),
  frame('0011223344', 3.2), // 5 bytes: not even an Ethernet header
];

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-pipeline-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function capture(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('analyzeCapture', () => {
  it('should count every packet once, by protocol, with capture times and link types', async () => {
    const summary = await analyzeCapture(await capture('mix.pcap', writePcap(FRAMES)));
    expect(summary.packets).toBe(12);
    expect(summary.problem).toBeNull();
    expect(Object.fromEntries(summary.protocols.map((item) => [item.protocol, item.packets]))).toEqual({
      TCP: 5,
      DNS: 3,
      ICMP: 2,
      ARP: 1,
      Undecodable: 1,
    });
    expect(summary.protocols.reduce((total, item) => total + item.packets, 0)).toBe(12);
    expect(summary.firstSeen).toBeCloseTo(T0 + 0.1, 6);
    expect(summary.lastSeen).toBeCloseTo(T0 + 3.2, 6);
    expect(summary.linkTypes).toEqual([{ linktype: 1, name: 'Ethernet', packets: 12 }]);
    expect(summary.decodeFailures).toEqual([{ reason: 'truncated-ethernet', count: 1 }]);
    expect(summary.timeline).toMatchObject({ start: T0, bucketSeconds: 1, packets: [3, 3, 3, 3] });
    expect(summary.wireBytes).toBe(FRAMES.reduce((total, item) => total + item.bytes.length, 0));
  });

  it('should build flows from the packets and aggregate talkers from them', async () => {
    const flows: FlowRecord[] = [];
    const summary = await analyzeCapture(await capture('flows.pcap', writePcap(FRAMES)), {
      onFlow: (flow) => flows.push(flow),
    });
    // Same 5-tuple SYNs share a flow; DNS queries share one; ICMP one; IPv6 one.
    expect(summary.flows.total).toBe(flows.length);
    expect(flows.map((flow) => `${flow.src}>${flow.dst}:${flow.protocol}`).sort()).toEqual([
      '10.0.0.5>8.8.8.8:17',
      '192.168.0.1>192.168.0.199:6',
      '192.168.0.1>192.168.0.2:1',
      '2001:db8::1>2001:db8::2:6',
    ]);
    expect(flows.reduce((total, flow) => total + flow.packets, 0)).toBe(10);
    expect(summary.topTalkers[0]).toMatchObject({ address: '192.168.0.1', packets: 6 });
    expect(summary.topConversations).toContainEqual(
      expect.objectContaining({ a: '192.168.0.1', b: '192.168.0.199', packets: 4 }),
    );
  });

  it('should read pcapng and gzip-compressed captures to the same counts', async () => {
    const plain = await analyzeCapture(await capture('a.pcap', writePcap(FRAMES)));
    const ng = await analyzeCapture(await capture('a.pcapng', writePcapng(FRAMES)));
    const gz = await analyzeCapture(await capture('a.pcap.gz', gzipSync(writePcap(FRAMES, { nanosecond: true }))));
    for (const other of [ng, gz]) {
      expect(other.packets).toBe(plain.packets);
      expect(other.protocols).toEqual(plain.protocols);
      expect(other.flows).toEqual(plain.flows);
    }
    expect(gz.file.format).toBe('gzip');
  });

  it('should keep the packets before a truncated last record and say where it broke', async () => {
    const whole = writePcap(FRAMES);
    const summary = await analyzeCapture(await capture('cut.pcap', whole.subarray(0, whole.length - 3)));
    expect(summary.packets).toBe(11);
    expect(summary.problem).toMatchObject({ code: 'truncated-record' });
    expect(summary.problem?.message).toMatch(/truncated record at byte offset \d+/);
  });

  it('should refuse a file that is not a capture before reading it', async () => {
    await expect(analyzeCapture(await capture('page.html', new TextEncoder().encode('<html></html>')))).rejects.toThrow(
      CaptureFileError,
    );
    await expect(analyzeCapture(await capture('empty.pcap', new Uint8Array(0)))).rejects.toThrow(/is empty/);
  });

  it('should stop when cancelled and report what it read', async () => {
    const many = Array.from({ length: 40_000 }, (_item, index) =>
      frame(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY, index * 0.001),
    );
    const controller = new AbortController();
    const summary = await analyzeCapture(await capture('many.pcap', writePcap(many)), {
      signal: controller.signal,
      chunkBytes: 64 * 1024,
      afterBatch: () => {
        controller.abort();
        return Promise.resolve();
      },
    });
    expect(summary.cancelled).toBe(true);
    expect(summary.packets).toBeGreaterThan(0);
    expect(summary.packets).toBeLessThan(40_000);
  });

  it('should hand every packet and flow to observers, then tell them the input ended', async () => {
    const seen = { packets: 0, flows: 0, finished: false, flowIds: new Set<number>() };
    const observer: PacketObserver = {
      onPacket: (_packet, _result, ref) => {
        seen.packets += 1;
        if (ref.flowId !== 0) seen.flowIds.add(ref.flowId);
      },
      onFlow: () => (seen.flows += 1),
      finish: () => (seen.finished = true),
    };
    await analyzeCapture(await capture('observed.pcap', writePcap(FRAMES)), { observers: [observer] });
    expect(seen).toMatchObject({ packets: 12, flows: 4, finished: true });
    expect(seen.flowIds.size).toBe(4);
  });

  it('should turn detections into grouped alerts, handed over per batch and counted in the summary', async () => {
    // A detector for the test: every bare TCP SYN is "a probe" (the capture's four come from 192.168.0.1).
    const probes: DetectorFactory = (emit) => ({
      name: 'rule:test_probe',
      onPacket: (packet) => {
        if (packet.protocol !== 6 || (packet.tcpFlags & 0x12) !== 0x02) return; // SYN without ACK
        const at = packet.seconds + packet.nanos * 1e-9;
        emit({
          kind: 'port_scan',
          severity: 'low',
          src: '192.168.0.1',
          dst: '192.168.0.199',
          firstSeen: at,
          lastSeen: at,
          score: 0.5,
          detector: 'rule:test_probe',
          summary: 'a probe',
          evidence: {},
        });
      },
    });
    const handed: Alert[][] = [];
    const path = await capture('alerts.pcap', writePcap(FRAMES));
    const summary = await analyzeCapture(path, {
      detection: {
        origin: { type: 'file', path },
        detectors: [probes],
        onAlerts: (alerts) => handed.push([...alerts]),
      },
    });
    expect(summary.alerts).toEqual({ total: 1, byKind: [{ kind: 'port_scan', count: 1 }] });
    const last = handed.flat().at(-1);
    expect(last).toMatchObject({
      kind: 'port_scan',
      detector: 'rule:test_probe',
      first_seen: T0 + 0.1,
      evidence: { detections: 4 },
      source: { type: 'file', path },
    });
    expect(Object.keys(last ?? {}).sort()).toEqual(
      [
        'id',
        'kind',
        'severity',
        'src',
        'dst',
        'first_seen',
        'last_seen',
        'score',
        'detector',
        'summary',
        'evidence',
        'source',
      ].sort(),
    );
  });

  it('should report progress with the file size', async () => {
    const reports: { bytesRead: number; totalBytes: number; packets: number }[] = [];
    const bytes = writePcap(FRAMES);
    await analyzeCapture(await capture('progress.pcap', bytes), { onProgress: (progress) => reports.push(progress) });
    expect(reports.at(-1)).toMatchObject({ bytesRead: bytes.length, totalBytes: bytes.length, packets: 12 });
  });
});

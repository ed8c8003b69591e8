import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureOutput } from '../testing/captured-output';
import { runCli } from '../cli';
import { ETHERNET_IPV4, IPV4_TCP_SYN, IPV4_UDP_DNS, TCP_SYN, UDP_DNS_QUERY } from '../engine/decode/fixtures';
import { hex } from '../engine/decode/hex';
import { writePcap } from '../engine/sources/write-pcap';

let dir: string;
let capture: string;
const output = captureOutput();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-analyze-'));
  const frames = [ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN, ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY].map(
    (bytes, index) => ({ seconds: 1_700_000_000 + index, nanos: 0, bytes: hex(bytes) }),
  );
  capture = join(dir, 'small.pcap');
  await writeFile(capture, writePcap(frames));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('wirewatch analyze', () => {
  it('should print a readable summary and exit 0', async () => {
    expect(await runCli(['analyze', capture])).toBe(0);
    const text = output.stdout();
    expect(text).toMatch(/^small\.pcap {2}\(pcap, /);
    expect(text).toMatch(/Packets {5}2 /);
    expect(text).toMatch(/TCP +1 packets/);
    expect(text).toMatch(/DNS +1 packets/);
  });

  it('should print nothing but alerts on stdout with --json (none before detectors exist)', async () => {
    expect(await runCli(['analyze', capture, '--json'])).toBe(0);
    expect(output.stdout()).toBe('');
  });

  it('should write the summary and the flows when asked', async () => {
    const summaryPath = join(dir, 'summary.json');
    const flowsPath = join(dir, 'flows.csv');
    expect(await runCli(['analyze', capture, '--json', '--summary', summaryPath, '--flows', flowsPath])).toBe(0);
    const summary = JSON.parse(await readFile(summaryPath, 'utf8')) as Record<string, unknown>;
    expect(summary).toMatchObject({ packets: 2, firstSeen: 1_700_000_000, lastSeen: 1_700_000_001, problem: null });
    const csv = (await readFile(flowsPath, 'utf8')).trim().split('\r\n');
    expect(csv[0]).toMatch(/^flow_id,ip_version,protocol,src,src_port,dst,dst_port,/);
    expect(csv).toHaveLength(3);
  });

  it('should exit 1 with one line for a file that is not a capture', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'hello');
    expect(await runCli(['analyze', path])).toBe(1);
    expect(output.stderr()).toMatch(
      /^wirewatch analyze: .*notes\.txt is not a capture file: it starts with 68 65 6c 6c 6f/,
    );
    expect(output.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('should exit 1 for an empty or missing file', async () => {
    const empty = join(dir, 'empty.pcap');
    await writeFile(empty, '');
    expect(await runCli(['analyze', empty])).toBe(1);
    expect(await runCli(['analyze', join(dir, 'missing.pcap')])).toBe(1);
    expect(output.stderr()).toMatch(/empty\.pcap is empty[\s\S]*missing\.pcap does not exist/);
  });

  it('should exit 3 with the partial summary for a truncated file', async () => {
    const whole = await readFile(capture);
    const cut = join(dir, 'cut.pcap');
    await writeFile(cut, whole.subarray(0, whole.length - 10));
    expect(await runCli(['analyze', cut])).toBe(3);
    expect(output.stderr()).toMatch(/analysed 1 packets, then: truncated record at byte offset \d+/);
    expect(output.stdout()).toMatch(/Packets {5}1 /);
  });

  it('should count flows evicted at a lower --max-flows', async () => {
    const summaryPath = join(dir, 'capped.json');
    expect(await runCli(['analyze', capture, '--json', '--max-flows', '1', '--summary', summaryPath])).toBe(0);
    const summary = JSON.parse(await readFile(summaryPath, 'utf8')) as { flows: { total: number; evicted: number } };
    expect(summary.flows).toEqual({ total: 2, evicted: 1 });
    expect(await runCli(['analyze', capture, '--max-flows', 'many'])).toBe(2);
  });

  it('should exit 2 with the reason for a threshold that does not exist', async () => {
    expect(await runCli(['analyze', capture, '--threshold', 'port_scan.fastPortz=3'])).toBe(2);
    expect(output.stderr()).toMatch(
      /--threshold port_scan\.fastPortz: no such threshold; it has fastWindowSeconds, fastPorts/,
    );
  });

  it('should exit 2 without a file or with two', async () => {
    expect(await runCli(['analyze'])).toBe(2);
    expect(await runCli(['analyze', 'a.pcap', 'b.pcap'])).toBe(2);
    expect(output.stderr()).toMatch(/name a capture file to analyse[\s\S]*analyse one file at a time/);
  });
});

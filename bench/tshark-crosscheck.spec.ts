/**
 * Wirewatch's reading of a realistic capture against tshark's, packet for packet: total frames,
 * frames per protocol, and the packets of each of Wirewatch's top ten IP conversations. The same
 * capture is checked as our pcap and as pcapng rewritten by editcap (an independent writer).
 *
 * tshark and editcap are required, not optional: without them this fails and names the package
 * (Debian: apt-get install tshark), since a skipped cross-check would look like a passing one.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisSummary } from '../preload/api/analysis';
import { analyzeCapture } from '../main/engine/pipeline';
import { writeTrafficFile } from './traffic/generate';
import { parseConversations, pairKey, type ConversationFrames } from './tshark/conversations';
import { parseProtocolHierarchy } from './tshark/protocol-hierarchy';
import { tsharkCounts, wirewatchCounts, type ProtocolCounts } from './tshark/protocol-counts';

const PACKETS = 40_000;
const SEED = 7;
/** Generous: two tshark runs share two cores with the rest of the unit tests. */
const SETUP_TIMEOUT_MS = 120_000;

interface Reading {
  readonly summary: AnalysisSummary;
  readonly ours: ProtocolCounts;
  readonly theirs: ProtocolCounts;
  readonly malformed: number;
  readonly conversations: ConversationFrames;
}

const run = promisify(execFile);

function requireTool(tool: string): void {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    throw new Error(`${tool} is not installed; this cross-check needs it (Debian: apt-get install tshark)`);
  }
}

async function read(path: string): Promise<Reading> {
  const [summary, { stdout }] = await Promise.all([
    analyzeCapture(path),
    run('tshark', ['-r', path, '-q', '-z', 'io,phs', '-z', 'conv,ip', '-z', 'conv,ipv6'], {
      maxBuffer: 64 * 1024 * 1024,
    }),
  ]);
  const hierarchy = parseProtocolHierarchy(stdout);
  return {
    summary,
    ours: wirewatchCounts(summary.packets, summary.protocols),
    theirs: tsharkCounts(hierarchy),
    malformed: hierarchy.protocols.get('_ws.malformed') ?? 0,
    conversations: parseConversations(stdout, ['IPv4 Conversations', 'IPv6 Conversations']),
  };
}

let dir = '';
const readings = new Map<string, Reading>();

beforeAll(async () => {
  requireTool('tshark');
  requireTool('editcap');
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-crosscheck-'));
  const pcap = join(dir, 'office.pcap');
  const pcapng = join(dir, 'office.pcapng');
  await writeTrafficFile(pcap, { packets: PACKETS, seed: SEED });
  await run('editcap', ['-F', 'pcapng', pcap, pcapng]);
  const [fromPcap, fromPcapng] = await Promise.all([read(pcap), read(pcapng)]);
  readings.set('pcap', fromPcap);
  readings.set('pcapng', fromPcapng);
}, SETUP_TIMEOUT_MS);

afterAll(async () => {
  if (dir !== '') await rm(dir, { recursive: true, force: true });
});

function reading(format: string): Reading {
  const found = readings.get(format);
  if (found === undefined) throw new Error(`no reading of the ${format} file (see the setup error)`);
  return found;
}

describe.each(['pcap', 'pcapng'])('the office capture as %s', (format) => {
  it('should be a clean capture with every kind of traffic in it, by tshark', () => {
    const { theirs, malformed } = reading(format);
    expect(theirs.frames).toBe(PACKETS);
    expect(malformed).toBe(0);
    for (const protocol of ['tcp', 'udp', 'dns', 'icmp', 'icmpv6', 'arp'] as const) {
      expect(theirs[protocol], protocol).toBeGreaterThan(0);
    }
  });

  it('should count the same frames as tshark, in total and per protocol', () => {
    const { summary, ours, theirs } = reading(format);
    expect(summary.problem).toBeNull();
    expect(summary.decodeFailures).toEqual([]);
    expect(ours).toEqual(theirs);
  });

  it('should count the same packets as tshark in each of its top 10 conversations', () => {
    const { summary, conversations } = reading(format);
    expect(summary.topConversations).toHaveLength(10);
    const ours = summary.topConversations.map(({ a, b, packets }) => ({ pair: pairKey(a, b), packets }));
    const theirs = ours.map(({ pair }) => ({ pair, packets: conversations.get(pair) }));
    expect(ours).toEqual(theirs);
  });
});

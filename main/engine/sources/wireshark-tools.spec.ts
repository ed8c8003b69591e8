/**
 * Cross-checks with real capture tools: files converted by tcpdump, editcap and mergecap (genuine
 * tool-written pcap and pcapng), and tshark's reading of our writer's pcapng. Each test is skipped,
 * with the reason in its name, when its tool is not installed (Debian: apt-get install tcpdump tshark).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFrames, type CollectedFrame } from './collect-frames';
import { LINKTYPE } from './frame-batch';
import { PcapngParser } from './pcapng-parser';
import { SniffingParser } from './sniffing-parser';
import { syntheticFrames } from './synthetic-frames';
import { writePcap } from './write-pcap';
import { writePcapng } from './write-pcapng';

function installed(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

const hasTcpdump = installed('tcpdump');
const hasEditcap = installed('editcap');
const hasMergecap = installed('mergecap');
const hasTshark = installed('tshark');

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-tools-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readCapture(path: string) {
  return collectFrames(new SniffingParser(), new Uint8Array(await readFile(path)));
}

/** Frames without file offsets (which differ between formats), as comparable text. */
function summary(frames: readonly CollectedFrame[]): string[] {
  return frames.map(
    (frame) =>
      `${frame.seconds}.${String(frame.nanos).padStart(9, '0')} ${frame.caplen}/${frame.wirelen} ` +
      `link ${frame.linktype} ${Buffer.from(frame.bytes).toString('base64')}`,
  );
}

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

describe('reading files written by real capture tools', () => {
  const frames = syntheticFrames(200, 41, { cutFraction: 0.2 }).map((frame) => ({ ...frame, interfaceId: 0 }));

  it.skipIf(!hasTcpdump)('should read what tcpdump rewrites, in micro- and nanoseconds (needs tcpdump)', async () => {
    const input = join(dir, 'in.pcap');
    await writeFile(input, writePcap(frames, { nanosecond: true, bigEndian: true }));
    const micro = join(dir, 'tcpdump-us.pcap');
    const nano = join(dir, 'tcpdump-ns.pcap');
    run('tcpdump', ['-r', input, '-w', micro]);
    run('tcpdump', ['-r', input, '--time-stamp-precision=nano', '-w', nano]);
    const original = await readCapture(input);
    const rewrittenNano = await readCapture(nano);
    expect(rewrittenNano.problem).toBeUndefined();
    expect(summary(rewrittenNano.frames)).toEqual(summary(original.frames));
    const rewrittenMicro = await readCapture(micro);
    expect(rewrittenMicro.problem).toBeUndefined();
    expect(rewrittenMicro.frames.map((frame) => frame.nanos)).toEqual(
      original.frames.map((frame) => Math.floor(frame.nanos / 1000) * 1000),
    );
  });

  it.skipIf(!hasEditcap)('should read the same frames from a pcap and its editcap pcapng (needs editcap)', async () => {
    for (const nanosecond of [false, true]) {
      const input = join(dir, `editcap-in-${nanosecond}.pcap`);
      const output = join(dir, `editcap-out-${nanosecond}.pcapng`);
      await writeFile(input, writePcap(frames, { nanosecond, linktype: LINKTYPE.LINUX_SLL }));
      run('editcap', ['-F', 'pcapng', input, output]);
      const parser = new SniffingParser();
      const converted = collectFrames(parser, new Uint8Array(await readFile(output)), () => 4096);
      expect(parser.format).toBe('pcapng');
      expect(converted.problem).toBeUndefined();
      expect(summary(converted.frames)).toEqual(summary((await readCapture(input)).frames));
    }
  });

  it.skipIf(!hasMergecap)(
    'should read a mergecap pcapng with one interface per link type (needs mergecap)',
    async () => {
      const a = frames.slice(0, 100);
      const b = syntheticFrames(100, 43, { startSeconds: 1_700_000_000 }).map((frame) => ({
        ...frame,
        interfaceId: 0,
      }));
      const pathA = join(dir, 'merge-a.pcap');
      const pathB = join(dir, 'merge-b.pcap');
      const merged = join(dir, 'merged.pcapng');
      await writeFile(pathA, writePcap(a, { nanosecond: true, linktype: LINKTYPE.ETHERNET }));
      await writeFile(pathB, writePcap(b, { linktype: LINKTYPE.RAW }));
      run('mergecap', ['-F', 'pcapng', '-w', merged, pathA, pathB]);
      const parser = new PcapngParser();
      const got = collectFrames(parser, new Uint8Array(await readFile(merged)), () => 1000);
      expect(got.problem).toBeUndefined();
      const expected = [...(await readCapture(pathA)).frames, ...(await readCapture(pathB)).frames];
      expect(summary(got.frames).sort()).toEqual(summary(expected).sort());
      expect(new Set(got.frames.map((frame) => frame.linktype))).toEqual(new Set([LINKTYPE.ETHERNET, LINKTYPE.RAW]));
    },
  );

  it.skipIf(!hasTshark)('should agree with tshark on our multi-interface pcapng (needs tshark)', async () => {
    const interfaces = [
      {},
      { tsresol: 9, linktype: LINKTYPE.LINUX_SLL },
      { tsresol: 0x80 | 10, tsoffset: 3600, linktype: LINKTYPE.RAW },
      { tsresol: 3 },
    ];
    const mixed = syntheticFrames(120, 47, { interfaces: interfaces.length, cutFraction: 0.3 });
    for (const bigEndian of [false, true]) {
      const path = join(dir, `ours-${bigEndian}.pcapng`);
      await writeFile(path, writePcapng(mixed, { interfaces, bigEndian, otherBlocks: true }));
      const fields = ['frame.time_epoch', 'frame.cap_len', 'frame.len', 'frame.interface_id'];
      const lines = run('tshark', ['-r', path, '-T', 'fields', ...fields.flatMap((field) => ['-e', field])])
        .split('\n')
        .filter((line) => /^\d/.test(line)); // tshark also lists custom blocks, without a time
      const ours = (await readCapture(path)).frames.map(
        (frame, n) =>
          `${frame.seconds}.${String(frame.nanos).padStart(9, '0')}\t${frame.caplen}\t${frame.wirelen}\t` +
          `${mixed[n]?.interfaceId ?? 0}`,
      );
      expect(ours).toEqual(lines);
    }
  });
});

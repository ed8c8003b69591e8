/**
 * Measures the readers' frames per second on page-cached files, beside pcap-parser and tcpdump on
 * the same file. Not a test (tests never assert on time). Run from the repository root:
 *
 *   node_modules/.bin/esbuild main/engine/sources/measure-throughput.ts --bundle --platform=node \
 *     --format=esm --outfile=/tmp/measure-throughput.mjs
 *   NODE_PATH=$PWD/node_modules node /tmp/measure-throughput.mjs [frames=2000000] [dir=/tmp]
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CaptureParser } from './capture-parser';
import { openCapture } from './open-capture';
import { PcapParser } from './pcap-parser';
import { PcapngParser } from './pcapng-parser';
import { countWithPcapParser } from './reference-pcap-parser';
import { syntheticFrames } from './synthetic-frames';
import { writePcap } from './write-pcap';
import { writePcapng } from './write-pcapng';

const totalFrames = Number(process.argv[2] ?? 2_000_000);
const dir = process.argv[3] ?? '/tmp';
/** A block of distinct small frames (54–200 bytes: the worst case for frames/s), repeated. */
const block = syntheticFrames(50_000, 1, { minBytes: 54, maxBytes: 200 }).map((frame) => ({
  ...frame,
  interfaceId: 0,
}));
const repeats = Math.ceil(totalFrames / block.length);

async function writeRepeated(path: string, header: Uint8Array, body: Uint8Array): Promise<number> {
  const out = createWriteStream(path);
  const write = (bytes: Uint8Array) =>
    new Promise<void>((resolve, reject) => out.write(bytes, (error) => (error ? reject(error) : resolve())));
  await write(header);
  for (let n = 0; n < repeats; n++) await write(body);
  await new Promise<void>((resolve) => out.end(resolve));
  return header.length + body.length * repeats;
}

function rate(frames: number, ms: number): string {
  return `${(frames / ms / 1000).toFixed(2)} M frames/s`;
}

/** Parser loop alone, over 8 MiB chunks already in memory. */
function parseInMemory(bytes: Uint8Array, make: () => CaptureParser): { frames: number; ms: number } {
  const chunk = 8 * 1024 * 1024;
  const chunks: Uint8Array[] = [];
  for (let pos = 0; pos < bytes.length; pos += chunk) chunks.push(bytes.subarray(pos, pos + chunk));
  const parser = make();
  let frames = 0;
  const start = performance.now();
  for (const piece of chunks) for (const batch of parser.push(piece)) frames += batch.count;
  parser.end();
  return { frames, ms: performance.now() - start };
}

async function readFileThrough(path: string): Promise<{ frames: number; ms: number }> {
  const start = performance.now();
  const source = await openCapture(path);
  let frames = 0;
  for await (const batch of source.batches()) frames += batch.count;
  return { frames, ms: performance.now() - start };
}

async function best<T extends { ms: number }>(runs: number, measure: () => Promise<T> | T): Promise<T> {
  let fastest: T | undefined;
  for (let n = 0; n < runs; n++) {
    const result = await measure();
    if (fastest === undefined || result.ms < fastest.ms) fastest = result;
  }
  if (fastest === undefined) throw new Error('no runs');
  return fastest;
}

const pcapPath = join(dir, 'wirewatch-measure.pcap');
const pcapngPath = join(dir, 'wirewatch-measure.pcapng');
const pcapBytes = writePcap(block);
const pcapngBytes = writePcapng(block);
const pcapngHeaderLength = writePcapng([]).length; // SHB + IDB
const pcapSize = await writeRepeated(pcapPath, pcapBytes.subarray(0, 24), pcapBytes.subarray(24));
const pcapngSize = await writeRepeated(
  pcapngPath,
  pcapngBytes.subarray(0, pcapngHeaderLength),
  pcapngBytes.subarray(pcapngHeaderLength),
);
const frames = block.length * repeats;
console.log(
  `${frames} frames of 54-200 bytes; pcap ${(pcapSize / 1e6).toFixed(0)} MB, pcapng ${(pcapngSize / 1e6).toFixed(0)} MB`,
);

const inMemoryPcap = new Uint8Array(await readFile(pcapPath));
const a = await best(5, () => parseInMemory(inMemoryPcap, () => new PcapParser()));
console.log(`PcapParser loop, 8 MiB chunks in memory:      ${rate(a.frames, a.ms)}`);
const inMemoryPcapng = new Uint8Array(await readFile(pcapngPath));
const b = await best(5, () => parseInMemory(inMemoryPcapng, () => new PcapngParser()));
console.log(`PcapngParser loop, 8 MiB chunks in memory:    ${rate(b.frames, b.ms)}`);

const c = await best(5, () => readFileThrough(pcapPath));
console.log(`openCapture(pcap) page-cached file, 8 MiB reads:   ${rate(c.frames, c.ms)}`);
const d = await best(5, () => readFileThrough(pcapngPath));
console.log(`openCapture(pcapng) page-cached file, 8 MiB reads: ${rate(d.frames, d.ms)}`);

const peerStart = performance.now();
const peerFrames = await countWithPcapParser(pcapPath);
console.log(`peer pcap-parser (no-op handler):                 ${rate(peerFrames, performance.now() - peerStart)}`);
const tcpdumpStart = performance.now();
const tcpdump = spawnSync('tcpdump', ['-r', pcapPath, '-w', '/dev/null'], { stdio: 'ignore' });
if (tcpdump.status === 0) {
  console.log(`peer tcpdump -r f -w /dev/null:                   ${rate(frames, performance.now() - tcpdumpStart)}`);
}

await rm(pcapPath);
await rm(pcapngPath);

/**
 * Fuzzing: well-formed captures, mutated (bit flips, truncations, insertions, deletions, splices,
 * corrupted length fields), fed in random chunks. Every run must end, throw nothing but a
 * CaptureReadError, yield only frames that lie inside their buffers, and yield the same result
 * however the input is chunked. Seeded, so a failure reproduces; the seed is in the message.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { concatBytes } from '../../../common/concat-bytes';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureParser } from './capture-parser';
import { CaptureReadError } from './capture-read-error';
import { frameInvariantProblem } from './batch-invariants';
import type { FrameBatch } from './frame-batch';
import { LINKTYPE } from './frame-batch';
import { openCapture } from './open-capture';
import { SniffingParser } from './sniffing-parser';
import { seededRandom } from '../../../common/seeded-random';
import { syntheticFrames } from './synthetic-frames';
import { writePcap } from './write-pcap';
import { writePcapng } from './write-pcapng';

type Random = () => number;

/** Small, varied, well-formed captures to mutate. */
function corpus(): Uint8Array[] {
  const small = (seed: number, interfaces = 1) =>
    syntheticFrames(6 + (seed % 5), seed, { minBytes: 0, maxBytes: 90, interfaces, cutFraction: 0.3 });
  const ifaces = [{}, { tsresol: 9, linktype: LINKTYPE.LINUX_SLL }, { tsresol: 0x8a, tsoffset: -7 }, { tsresol: 12 }];
  return [
    writePcap(small(1)),
    writePcap(small(2), { bigEndian: true, nanosecond: true }),
    writePcap(small(3), { snaplen: 40, linkFieldHigh: 0x2400 }),
    writePcapng(small(4, 4), { interfaces: ifaces, otherBlocks: true }),
    writePcapng(small(5, 4), { interfaces: ifaces, bigEndian: true }),
    writePcapng(small(6), { packetBlock: 'spb', interfaces: [{ snaplen: 50 }] }),
    writePcapng(small(7), { packetBlock: 'pb', bigEndian: true }),
    new Uint8Array([...writePcapng(small(8)), ...writePcapng(small(9, 2), { interfaces: [{}, {}], bigEndian: true })]),
    new Uint8Array([...writePcapng(small(10), { majorVersion: 2 }), ...writePcapng(small(11))]),
  ];
}

const INTERESTING = [
  0,
  1,
  4,
  8,
  11,
  12,
  16,
  28,
  32,
  0xff,
  0xffff,
  262_144,
  262_145,
  16 * 1024 * 1024 + 4,
  0x7fffffff,
  0x80000000,
  0xffffffff,
];

/** One random mutation of `input`; `depth` mutations are chained. */
function mutate(input: Uint8Array, random: Random, depth = 1): Uint8Array {
  let bytes = input;
  for (let d = 0; d < depth; d++) {
    const at = Math.floor(random() * bytes.length);
    const kind = Math.floor(random() * 6);
    if (kind === 0) {
      bytes = bytes.slice();
      for (let flips = 1 + Math.floor(random() * 8); flips > 0; flips--) {
        const i = Math.floor(random() * bytes.length);
        bytes[i] = (bytes[i] ?? 0) ^ (1 << Math.floor(random() * 8));
      }
    } else if (kind === 1) {
      bytes = bytes.slice(0, at);
    } else if (kind === 2) {
      const inserted = Uint8Array.from({ length: 1 + Math.floor(random() * 16) }, () => (random() * 256) | 0);
      bytes = concatBytes([bytes.subarray(0, at), inserted, bytes.subarray(at)]);
    } else if (kind === 3) {
      bytes = concatBytes([bytes.subarray(0, at), bytes.subarray(at + 1 + Math.floor(random() * 32))]);
    } else if (kind === 4) {
      const from = Math.floor(random() * bytes.length);
      const piece = bytes.subarray(from, from + 1 + Math.floor(random() * 64));
      bytes = concatBytes([bytes.subarray(0, at), piece, bytes.subarray(at)]);
    } else {
      // A length-like field: aligned (pcapng) or anywhere (pcap records are unaligned).
      bytes = bytes.slice();
      const where = random() < 0.5 ? at & ~3 : at;
      if (where + 4 <= bytes.length) {
        const pick = INTERESTING[Math.floor(random() * INTERESTING.length)] ?? 0;
        const nudged = random() < 0.3 ? pick + Math.floor(random() * 9) - 4 : pick;
        new DataView(bytes.buffer).setUint32(where, nudged >>> 0, random() < 0.5);
      }
    }
  }
  return bytes;
}

interface Outcome {
  frames: string[];
  problem: string;
}

/** Feeds `bytes` in chunks, checks every batch's invariants, and summarises the result. */
function run(parser: CaptureParser, bytes: Uint8Array, random: Random | undefined): Outcome {
  const frames: string[] = [];
  let problem = 'none';
  try {
    let pos = 0;
    let pushes = 0;
    while (pos < bytes.length) {
      const size =
        random === undefined ? bytes.length : 1 + Math.floor(random() * (random() < 0.5 ? 64 : bytes.length));
      for (const batch of parser.push(bytes.subarray(pos, pos + size))) frames.push(...check(batch, bytes.length));
      pos += size;
      // Termination: each push consumes its whole chunk, so the loop runs at most bytes.length times.
      if (++pushes > bytes.length) throw new Error('more pushes than bytes');
    }
    const error = parser.end();
    if (error !== undefined) {
      if (!(error instanceof CaptureReadError) || error.framesRead !== frames.length) {
        throw new Error(`end() gave ${String(error)} after ${frames.length} frames`);
      }
      problem = `${error.problem}@${error.offset}`;
    }
  } catch (error) {
    if (!(error instanceof CaptureReadError)) throw error;
    problem = `thrown ${error.problem}`;
  }
  return { frames, problem };
}

function check(batch: FrameBatch, inputLength: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < batch.count; i++) {
    const problem = frameInvariantProblem(batch, i, inputLength);
    if (problem !== null) throw new Error(problem);
    out.push(
      `${batch.fileOffsets[i] ?? NaN}:${batch.seconds[i] ?? NaN}.${batch.nanos[i] ?? NaN}:${batch.caplens[i] ?? NaN}/${batch.wirelens[i] ?? NaN}:${batch.linktypes[i] ?? NaN}`,
    );
  }
  return out;
}

describe('fuzzing the capture parsers', () => {
  const seeds = corpus();

  // ~5 s on one core here; the generous timeout is for slow CI machines, not a budget.
  it(
    'should survive 100,000 mutated captures with only CaptureReadErrors, chunked any way',
    { timeout: 120_000 },
    () => {
      const random = seededRandom(20_240_611);
      const problems = new Map<string, number>();
      for (let n = 0; n < 100_000; n++) {
        const seed = seeds[n % seeds.length] ?? new Uint8Array(0);
        const input = mutate(seed, random, 1 + Math.floor(random() * 3));
        let chunked: Outcome;
        try {
          chunked = run(new SniffingParser(), input, random);
          // Every 8th input: parsing in one piece must give exactly the same frames and problem.
          if (n % 8 === 0) expect(run(new SniffingParser(), input, undefined)).toEqual(chunked);
        } catch (error) {
          throw new Error(`input ${n} (${Buffer.from(input).toString('hex')}) failed: ${String(error)}`, {
            cause: error,
          });
        }
        const kind = chunked.problem.replace(/@.*/, '');
        problems.set(kind, (problems.get(kind) ?? 0) + 1);
      }
      // The mutations must reach every kind of problem the parsers can report from bytes alone.
      for (const kind of [
        'none',
        'unknown-format',
        'truncated-header',
        'truncated-record',
        'oversized-record',
        'bad-block-length',
        'zero-length-block',
        'unknown-interface',
        'garbage',
      ]) {
        expect(problems.get(kind) ?? 0, kind).toBeGreaterThan(0);
      }
    },
  );

  describe('through openCapture on gzip files', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'wirewatch-fuzz-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it(
      'should end every read of 300 mutated .gz captures with frames or a CaptureReadError',
      { timeout: 60_000 },
      async () => {
        const random = seededRandom(99);
        const compressed = seeds.map((seed) => gzipSync(seed));
        for (let n = 0; n < 300; n++) {
          const path = join(dir, `${n}.gz`);
          await writeFile(path, mutate(compressed[n % compressed.length] ?? new Uint8Array(0), random));
          try {
            const source = await openCapture(path, { chunkBytes: 1 + Math.floor(random() * 200) });
            for await (const batch of source.batches()) check(batch, Number.MAX_SAFE_INTEGER);
          } catch (error) {
            if (!(error instanceof CaptureReadError)) throw error;
          }
        }
      },
    );
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureReadError } from './capture-read-error';
import { collectFrames, framesOf, type CollectedFrame } from './collect-frames';
import { openCapture, type CaptureSource, type OpenCaptureOptions } from './open-capture';
import { PcapParser } from './pcap-parser';
import { PcapngParser } from './pcapng-parser';
import { syntheticFrames } from './synthetic-frames';
import { writePcap } from './write-pcap';
import { writePcapng } from './write-pcapng';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-sources-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function drain(source: CaptureSource): Promise<{ frames: CollectedFrame[]; error: unknown }> {
  const frames: CollectedFrame[] = [];
  try {
    for await (const batch of source.batches()) frames.push(...framesOf(batch));
    return { frames, error: undefined };
  } catch (error) {
    return { frames, error };
  }
}

/** Frames with their bytes as text: deep equality over typed arrays goes byte by byte and is slow. */
function comparable(frames: readonly CollectedFrame[]) {
  return frames.map((frame) => ({ ...frame, bytes: Buffer.from(frame.bytes).toString('base64') }));
}

async function read(path: string, options?: OpenCaptureOptions) {
  const source = await openCapture(path, options);
  return { source, ...(await drain(source)) };
}

async function openError(path: string): Promise<CaptureReadError> {
  const error: unknown = await openCapture(path).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof CaptureReadError)) throw new Error(`expected a CaptureReadError, got ${String(error)}`);
  return error;
}

describe('openCapture', () => {
  const frames = syntheticFrames(300, 31, { interfaces: 2 });
  const pcap = writePcap(frames);
  const pcapng = writePcapng(frames, { interfaces: [{}, { tsresol: 9, linktype: 113 }], otherBlocks: true });

  it('should read a pcap file and report progress up to its size', async () => {
    const { source, frames: got, error } = await read(await file('a.pcap', pcap));
    expect(error).toBeUndefined();
    expect(comparable(got)).toEqual(comparable(collectFrames(new PcapParser(), pcap).frames));
    expect(source.format).toBe('pcap');
    expect(source.bytesRead).toBe(source.totalBytes);
    expect(source.totalBytes).toBe(pcap.length);
    expect(source.framesRead).toBe(frames.length);
    expect(source.problem).toBeUndefined();
  });

  it('should give the same frames when reads are small and records straddle them', async () => {
    const path = await file('b.pcapng', pcapng);
    const { frames: got, error } = await read(path, { chunkBytes: 97 });
    expect(error).toBeUndefined();
    expect(comparable(got)).toEqual(comparable(collectFrames(new PcapngParser(), pcapng).frames));
  });

  it('should give the same frames from a ring of reused buffers, records straddling them', async () => {
    for (const [name, bytes] of [
      ['ring.pcap', pcap],
      ['ring.pcapng', pcapng],
    ] as const) {
      const path = await file(name, bytes);
      const plain = await read(path, { chunkBytes: 211 });
      const reused = await read(path, { chunkBytes: 211, reuseBuffers: true });
      expect(reused.error).toBeUndefined();
      expect(comparable(reused.frames)).toEqual(comparable(plain.frames));
      expect(reused.source.bytesRead).toBe(bytes.length);
    }
  });

  it('should go by magic bytes, not by the file name', async () => {
    const { source, frames: got } = await read(await file('really-a-pcapng.pcap', pcapng));
    expect(source.format).toBe('pcapng');
    expect(got).toHaveLength(frames.length);
  });

  it.each([
    { name: 'pcap', bytes: pcap, parser: () => new PcapParser() },
    { name: 'pcapng', bytes: pcapng, parser: () => new PcapngParser() },
  ])('should inflate a gzip-compressed $name and sniff what is inside', async ({ name, bytes, parser }) => {
    const compressed = gzipSync(bytes);
    const { source, frames: got, error } = await read(await file(`${name}.txt`, compressed), { chunkBytes: 1000 });
    expect(error).toBeUndefined();
    expect(source.format).toBe('gzip');
    expect(source.innerFormat).toBe(name);
    // Offsets count in the decompressed stream, as for the plain file.
    expect(comparable(got)).toEqual(comparable(collectFrames(parser(), bytes).frames));
    expect(source.bytesRead).toBe(compressed.length);
  });

  it('should yield every good frame and then throw the problem, with its offset', async () => {
    const cut = pcap.subarray(0, pcap.length - 5);
    const { source, frames: got, error } = await read(await file('cut.pcap', cut), { chunkBytes: 4096 });
    expect(got).toHaveLength(frames.length - 1);
    expect(error).toBeInstanceOf(CaptureReadError);
    expect(source.problem).toBe(error);
    const problem = error as CaptureReadError;
    expect(problem.problem).toBe('truncated-record');
    expect(problem.framesRead).toBe(frames.length - 1);
    expect(problem.offset).toBe(pcap.length - 16 - (frames.at(-1)?.bytes.length ?? 0));
    expect(problem.message).toMatch(/^truncated record at byte offset \d+: /);
  });

  it('should name offsets in the decompressed data for a bad record inside a gzip', async () => {
    const { error, frames: got } = await read(await file('cut.pcap.gz', gzipSync(pcap.subarray(0, pcap.length - 5))));
    expect(got).toHaveLength(frames.length - 1);
    expect((error as CaptureReadError).message).toMatch(
      /^truncated record at byte offset \d+ of the decompressed data: /,
    );
  });

  it('should keep frames from a gzip that ends early and report bad compression', async () => {
    const compressed = gzipSync(pcap);
    const { error, frames: got } = await read(await file('short.gz', compressed.subarray(0, compressed.length >> 1)));
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(frames.length);
    expect((error as CaptureReadError).problem).toBe('bad-compression');
    expect((error as CaptureReadError).message).toContain('the compressed data ends early');
  });

  it('should report corrupt gzip data', async () => {
    const compressed = gzipSync(pcap);
    compressed.fill(0x55, 20, 60);
    const { error } = await read(await file('corrupt.gz', compressed));
    expect((error as CaptureReadError).problem).toBe('bad-compression');
  });

  it('should refuse files that are empty, missing, directories or no capture', async () => {
    expect((await openError(await file('empty.pcap', new Uint8Array(0)))).problem).toBe('empty');
    expect((await openError(join(dir, 'missing.pcap'))).problem).toBe('io');
    expect((await openError(dir)).problem).toBe('io');
    const text = await openError(await file('notes.pcap', new TextEncoder().encode('just some notes, no capture')));
    expect(text.problem).toBe('unknown-format');
    expect((await openError(await file('stub.pcapng', pcapng.subarray(0, 6)))).problem).toBe('truncated-header');
  });

  it('should stop with the signal reason, not a CaptureReadError, when aborted', async () => {
    const controller = new AbortController();
    const source = await openCapture(await file('abort.pcap', pcap), { signal: controller.signal, chunkBytes: 512 });
    let batches = 0;
    const error: unknown = await (async () => {
      for await (const batch of source.batches()) {
        batches += batch.count > 0 ? 1 : 0;
        controller.abort();
      }
    })().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(batches).toBe(1);
    expect(error).not.toBeInstanceOf(CaptureReadError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('should let a consumer stop early, and be iterated only once', async () => {
    const source = await openCapture(await file('once.pcap', pcap), { chunkBytes: 512 });
    for await (const batch of source.batches()) {
      expect(batch.count).toBeGreaterThan(0);
      break;
    }
    await expect(source.batches().next()).rejects.toThrow('only once');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileChunks, RING_SIZE } from './file-chunks';

let dir = '';
let path = '';
const BYTES = Uint8Array.from({ length: 10_000 }, (_item, index) => index % 251);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-chunks-'));
  path = join(dir, 'data.bin');
  await writeFile(path, BYTES);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('fileChunks', () => {
  it('should read the whole file in order, fresh buffers or reused', async () => {
    for (const reuse of [false, true]) {
      const parts: number[] = [];
      for await (const chunk of fileChunks(path, { chunkBytes: 999, reuse })) parts.push(...chunk);
      expect(Uint8Array.from(parts)).toEqual(BYTES);
    }
  });

  it('should cycle through a ring of buffers when reusing', async () => {
    const seen: ArrayBufferLike[] = [];
    for await (const chunk of fileChunks(path, { chunkBytes: 1000, reuse: true })) seen.push(chunk.buffer);
    expect(new Set(seen).size).toBe(RING_SIZE);
    expect(seen[RING_SIZE]).toBe(seen[0]);
  });

  it('should close the file when the reader stops early', async () => {
    const chunks = fileChunks(path, { chunkBytes: 100, reuse: true });
    await chunks.next();
    await expect(chunks.return(undefined)).resolves.toEqual({ done: true, value: undefined });
  });

  it('should fail for a file that is not there', async () => {
    await expect(fileChunks(join(dir, 'missing'), { chunkBytes: 100, reuse: false }).next()).rejects.toThrow(/ENOENT/);
  });
});

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JsonFile } from './json-file';

const Schema = v.object({ count: v.number() });
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-json-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('JsonFile', () => {
  it('should return the fallback when nothing is stored yet', async () => {
    await expect(new JsonFile(join(dir, 'a.json'), Schema).read({ count: 1 })).resolves.toEqual({ count: 1 });
  });

  it('should read back what it wrote, creating folders as needed', async () => {
    const file = new JsonFile(join(dir, 'deep', 'a.json'), Schema);
    await file.write({ count: 42 });
    await expect(file.read({ count: 0 })).resolves.toEqual({ count: 42 });
    expect(await readdir(join(dir, 'deep'))).toEqual(['a.json']);
  });

  it('should land concurrent writes one after another, the last one called winning', async () => {
    // Found by the browser host's hostile-message spec: two at once shared the temporary file.
    const file = new JsonFile(join(dir, 'a.json'), Schema);
    await Promise.all(Array.from({ length: 50 }, (_item, count) => file.write({ count })));
    await expect(file.read({ count: -1 })).resolves.toEqual({ count: 49 });
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('should keep a corrupt file aside instead of overwriting it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const path = join(dir, 'a.json');
    await writeFile(path, '{"count": "many"');
    await expect(new JsonFile(path, Schema).read({ count: 0 })).resolves.toEqual({ count: 0 });
    const [aside] = (await readdir(dir)).filter((name) => name.startsWith('a.json.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe('{"count": "many"');
  });
});

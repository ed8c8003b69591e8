/**
 * The benchmark's capture, generated once and kept in the cache folder. A sidecar JSON records what
 * was asked for and a hash of the generator's sources; if either differs, the file is made again,
 * so a change to bench/traffic never benchmarks a stale capture.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeTrafficFile, type TrafficOptions } from '../traffic/generate';

export interface CachedCapture {
  readonly path: string;
  readonly packets: number;
  readonly fileBytes: number;
  readonly durationSeconds: number;
  /** Made by this call rather than found. */
  readonly generated: boolean;
}

interface Meta {
  readonly request: TrafficOptions;
  readonly sourceHash: string;
  readonly packets: number;
  readonly fileBytes: number;
  readonly durationSeconds: number;
}

export async function cachedCapture(
  cacheDir: string,
  name: string,
  request: TrafficOptions,
  trafficSources: string,
): Promise<CachedCapture> {
  const path = join(cacheDir, name);
  const metaPath = `${path}.json`;
  const sourceHash = await hashSources(trafficSources);
  const meta = await readMeta(metaPath);
  if (
    meta !== undefined &&
    meta.sourceHash === sourceHash &&
    JSON.stringify(meta.request) === JSON.stringify(request)
  ) {
    return {
      path,
      packets: meta.packets,
      fileBytes: meta.fileBytes,
      durationSeconds: meta.durationSeconds,
      generated: false,
    };
  }
  await rm(metaPath, { force: true });
  const result = await writeTrafficFile(path, request);
  const fresh: Meta = { request, sourceHash, ...result };
  await writeFile(metaPath, `${JSON.stringify(fresh, null, 2)}\n`);
  return { path, ...result, generated: true };
}

async function readMeta(path: string): Promise<Meta | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as Meta;
}

/** SHA-256 over the generator's TypeScript sources (not its specs), in a stable order. */
async function hashSources(dir: string): Promise<string> {
  const files = (await readdir(dir, { recursive: true }))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(join(dir, file)));
  }
  return hash.digest('hex');
}

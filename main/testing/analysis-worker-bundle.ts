/**
 * Builds the analysis worker for tests that run real analyses in real worker threads (Node cannot
 * start a worker from TypeScript). Built once per test file, with the same esbuild settings as
 * scripts/build.mjs, into a folder under node_modules/.cache so the bundle's external packages
 * resolve from the project's node_modules as dist/'s do.
 */
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

let built: Promise<string> | undefined;
let folder: string | undefined;

export function analysisWorkerBundle(): Promise<string> {
  built ??= (async () => {
    const cache = resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache');
    await mkdir(cache, { recursive: true });
    const outdir = await mkdtemp(join(cache, 'wirewatch-worker-'));
    folder = outdir;
    await build({
      entryPoints: { 'analysis-worker': resolve(import.meta.dirname, '..', 'engine', 'worker', 'analysis-worker.ts') },
      outdir,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      logLevel: 'warning',
    });
    return join(outdir, 'analysis-worker.cjs');
  })();
  return built;
}

/** Removes the bundle; call from the spec's afterAll. */
export async function removeAnalysisWorkerBundle(): Promise<void> {
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
  folder = undefined;
  built = undefined;
}

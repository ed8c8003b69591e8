/**
 * Builds the analysis worker for tests that run real analyses in real worker threads (Node cannot
 * start a worker from TypeScript). Built once per test file, with the same esbuild settings as
 * scripts/build.mjs, into a temporary folder.
 */
import { build } from 'esbuild';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

let built: Promise<string> | undefined;

export function analysisWorkerBundle(): Promise<string> {
  built ??= (async () => {
    const outdir = await mkdtemp(join(tmpdir(), 'wirewatch-worker-'));
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

/**
 * Builds the capture helper, the live worker and the CLI for specs that run them for real (Node cannot run
 * them from TypeScript), with scripts/build.mjs's esbuild settings, into a folder under
 * node_modules/.cache so `cap` resolves from the project's node_modules as it does from dist/.
 * The folder is world-readable: the permission spec runs the helper as `nobody`.
 */
import { build } from 'esbuild';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export interface CaptureBundle {
  readonly helper: string;
  readonly worker: string;
  /** The CLI (for the baseline trainer, which runs `wirewatch train`). */
  readonly cli: string;
  readonly folder: string;
}

export async function buildCaptureBundle(): Promise<CaptureBundle> {
  const cache = resolve(import.meta.dirname, '..', '..', '..', 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const folder = await mkdtemp(join(cache, 'wirewatch-capture-'));
  await chmod(folder, 0o755);
  await build({
    entryPoints: {
      'capture-helper': resolve(import.meta.dirname, '..', 'capture-helper.ts'),
      'live-worker': resolve(import.meta.dirname, '..', 'live-worker.ts'),
      cli: resolve(import.meta.dirname, '..', '..', 'cli.ts'),
    },
    outdir: folder,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  await chmod(join(folder, 'capture-helper.cjs'), 0o644);
  return {
    helper: join(folder, 'capture-helper.cjs'),
    worker: join(folder, 'live-worker.cjs'),
    cli: join(folder, 'cli.cjs'),
    folder,
  };
}

export async function removeCaptureBundle(bundle: CaptureBundle | undefined): Promise<void> {
  if (bundle !== undefined) await rm(bundle.folder, { recursive: true, force: true });
}

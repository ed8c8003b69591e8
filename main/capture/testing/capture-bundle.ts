/**
 * The capture helper, the live worker and the CLI built for specs that run them for real.
 * The folder is made world-readable: the permission spec runs the helper as `nobody`.
 */
import { chmod, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildTestBundle } from '../../testing/test-bundle';

export interface CaptureBundle {
  readonly helper: string;
  readonly worker: string;
  /** The CLI (for the baseline trainer, which runs `wirewatch train`). */
  readonly cli: string;
  readonly folder: string;
}

export async function buildCaptureBundle(): Promise<CaptureBundle> {
  const bundle = await buildTestBundle('capture', {
    'capture-helper': resolve(import.meta.dirname, '..', 'capture-helper.ts'),
    'live-worker': resolve(import.meta.dirname, '..', 'live-worker.ts'),
    cli: resolve(import.meta.dirname, '..', '..', 'cli.ts'),
  });
  await chmod(bundle.folder, 0o755);
  await chmod(bundle.file('capture-helper'), 0o644);
  return {
    helper: bundle.file('capture-helper'),
    worker: bundle.file('live-worker'),
    cli: bundle.file('cli'),
    folder: bundle.folder,
  };
}

export async function removeCaptureBundle(bundle: CaptureBundle | undefined): Promise<void> {
  if (bundle !== undefined) await rm(bundle.folder, { recursive: true, force: true });
}

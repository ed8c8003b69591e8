/**
 * Where the shipped models are: `models/` at the top of a checkout (the bundles run from dist/main),
 * or `models/` in the packaged app's resources. The user's own live in the data folder
 * (model-load.ts, userModelsDir).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The shipped models folder as seen from a bundle in `bundleDir` (dist/main), or null when there is none. */
export function shippedModelsDir(bundleDir: string): string | null {
  // Electron sets process.resourcesPath; under plain Node (the CLI) it is absent.
  const resources: unknown = Reflect.get(process, 'resourcesPath');
  const candidates = [
    join(bundleDir, '..', '..', 'models'),
    ...(typeof resources === 'string' ? [join(resources, 'models')] : []),
  ];
  return candidates.find((candidate) => existsSync(candidate)) ?? null;
}

/** The inference worker's bundle, beside the bundle that starts it. */
export function inferenceWorkerPath(bundleDir: string): string {
  return join(bundleDir, 'inference-worker.cjs');
}

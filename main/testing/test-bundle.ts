/**
 * Builds entry points for specs that run them for real in worker threads or child processes (Node
 * cannot start either from TypeScript), with scripts/build.mjs's esbuild settings, into a fresh folder
 * under node_modules/.cache so the bundles' external packages (cap, onnxruntime-node) resolve from
 * the project's node_modules as dist/'s do.
 */
import { build } from 'esbuild';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const CACHE = resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache');

export interface TestBundle {
  readonly folder: string;
  /** The built file of an entry, by the name it was given. */
  file(name: string): string;
  remove(): Promise<void>;
}

/** `entries` maps an output name (`analysis-worker`) to its TypeScript source. */
export async function buildTestBundle(prefix: string, entries: Record<string, string>): Promise<TestBundle> {
  await mkdir(CACHE, { recursive: true });
  const folder = await mkdtemp(join(CACHE, `wirewatch-${prefix}-`));
  await build({
    entryPoints: entries,
    outdir: folder,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return {
    folder,
    file: (name) => join(folder, `${name}.cjs`),
    remove: () => rm(folder, { recursive: true, force: true }),
  };
}

/**
 * One bundle shared by a spec file's tests: built on first use, removed by the returned `remove`
 * (call it from afterAll).
 */
export function sharedTestBundle(
  prefix: string,
  name: string,
  source: string,
): { readonly path: () => Promise<string>; readonly remove: () => Promise<void> } {
  let built: Promise<TestBundle> | undefined;
  return {
    path: async () => {
      built ??= buildTestBundle(prefix, { [name]: source });
      return (await built).file(name);
    },
    remove: async () => {
      const bundle = built;
      built = undefined;
      if (bundle !== undefined) await (await bundle).remove();
    },
  };
}

/**
 * The benchmark measures the last `npm run build`, not the working tree: this finds the sources
 * edited since, so the report can say its figures may be stale.
 */
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Non-test TypeScript files under `dirs` modified after `bundle` was written, relative to `root`. */
export async function sourcesNewerThan(bundle: string, root: string, dirs: readonly string[]): Promise<string[]> {
  const built = (await stat(bundle)).mtimeMs;
  const newer: string[] = [];
  for (const dir of dirs) {
    for (const file of await readdir(join(root, dir), { recursive: true })) {
      if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
      const path = join(root, dir, file);
      if ((await stat(path)).mtimeMs > built) newer.push(relative(root, path));
    }
  }
  return newer.sort();
}

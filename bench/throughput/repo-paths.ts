/**
 * Where things are. This code runs from source (tests, type checks) and bundled (npm run bench:*
 * puts the bundle in node_modules/.cache, where neither ESLint nor git looks), so the repository
 * root is found by walking up to the package.json that sits beside bench/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no repository root above ${from}`);
  }
}

export const REPO_ROOT = repositoryRoot(import.meta.dirname);
/** Captures, profiles and bundles: node_modules/.cache is ignored by git, ESLint and Prettier alike. */
export const CACHE_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'wirewatch-bench');
export const TRAFFIC_SOURCES = join(REPO_ROOT, 'bench', 'traffic');
export const WIREWATCH_BIN = join(REPO_ROOT, 'bin', 'wirewatch.cjs');
export const WIREWATCH_BUNDLE = join(REPO_ROOT, 'dist', 'main', 'cli.cjs');

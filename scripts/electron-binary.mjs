// Finds the Electron binary without starting a download. The `electron` package's own lookup
// (`require('electron')`) fetches the binary when it is missing, which machines without network
// access cannot do and must not try; this reads the same places it reads, and only reads.
// Used by `npm start` and by the end-to-end Electron project.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where the electron package keeps its binary, per platform, when path.txt does not say. */
const DEFAULT_NAMES = {
  linux: 'electron',
  win32: 'electron.exe',
  darwin: 'Electron.app/Contents/MacOS/Electron',
};

export function findElectronBinary(env = process.env) {
  const explicit = env.WIREWATCH_ELECTRON;
  if (explicit !== undefined && explicit !== '') {
    return existsSync(explicit)
      ? { path: explicit }
      : { missing: `WIREWATCH_ELECTRON names ${explicit}, which does not exist` };
  }
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const name = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : (DEFAULT_NAMES[process.platform] ?? 'electron');
  const candidate = join(env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist'), name);
  if (existsSync(candidate)) return { path: candidate };
  return {
    missing:
      `needs an Electron binary, and ${candidate} does not exist: Electron downloads it on first run, which this ` +
      'machine cannot do. Set WIREWATCH_ELECTRON to a binary to run it; `wirewatch serve` shows the same window in a browser.',
  };
}

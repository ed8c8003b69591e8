/** Finds Wireshark on PATH and opens a capture in it, detached so it outlives nothing of ours. */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

const NAMES = process.platform === 'win32' ? ['Wireshark.exe', 'wireshark.exe'] : ['wireshark'];

/** The first executable named wireshark on `path` (PATH by default), or null. */
export async function findWireshark(path = process.env.PATH ?? ''): Promise<string | null> {
  for (const folder of path.split(delimiter)) {
    if (folder === '') continue;
    for (const name of NAMES) {
      const candidate = join(folder, name);
      try {
        await access(candidate, constants.X_OK);
        return candidate;
      } catch (error) {
        // Not in this folder (ENOENT) or not executable: look in the next.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && (error as NodeJS.ErrnoException).code !== 'EACCES') {
          throw error;
        }
      }
    }
  }
  return null;
}

/** Starts `wireshark -r file` without waiting for it; resolves once it has started. */
export function openInWireshark(wireshark: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(wireshark, ['-r', file], { detached: true, stdio: 'ignore' });
    child.once('error', reject);
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}

/** Starts `wirewatch serve` on a fresh data folder for the benchmark; stopped by its PID. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WIREWATCH_BIN } from '../throughput/repo-paths';

export interface Served {
  readonly url: string;
  stop(): Promise<void>;
}

/** @param bin the `wirewatch` command to run (another build's, for a before/after comparison). */
export async function serve(bin = WIREWATCH_BIN): Promise<Served> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wirewatch-bench-alerts-'));
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wirewatch serve printed no URL:\n${printed}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
      const match = /served at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(printed);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolve(match[1]);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`wirewatch serve exited with ${String(code)}:\n${printed}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) {
        const exited = once(child, 'exit');
        process.kill(child.pid, 'SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts `wirewatch serve` as the user would, with its own data folder, and reads the URL it
 * prints. The process is ended by its PID when the test is done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface HostRun {
  readonly url: string;
  readonly dataDir: string;
  /** Everything the host printed, for failure messages. */
  readonly output: () => string;
  stop(): Promise<void>;
}

const CLI = resolve(import.meta.dirname, '..', '..', 'bin', 'wirewatch.cjs');
const START_TIMEOUT_MS = 20_000;

/** Starts the host; `files` are opened in the window as if double-clicked on the desktop. */
export async function startHost(files: readonly string[] = []): Promise<HostRun> {
  const dataDir = await mkdtemp(join(tmpdir(), 'wirewatch-e2e-'));
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data', dataDir, ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`wirewatch serve printed no URL:\n${printed}`)), START_TIMEOUT_MS);
    const look = (): void => {
      const match = /served at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(printed);
      if (match?.[1] === undefined) return;
      clearTimeout(timer);
      resolveUrl(match[1]);
    };
    child.stdout.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`wirewatch serve exited with ${String(code)}:\n${printed}`));
    });
  });

  return {
    url,
    dataDir,
    output: () => printed,
    stop: async () => {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, 'SIGKILL');
  }, 5000);
  await exited;
  clearTimeout(timer);
}

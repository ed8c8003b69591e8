/**
 * Runs one command and measures it from outside: wall time around the whole process (start-up
 * included, as a user would see it) and peak resident memory from GNU time's %M (the kernel's
 * ru_maxrss for the child, in KiB).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export const GNU_TIME = '/usr/bin/time';

export interface Measurement {
  readonly elapsedMs: number;
  readonly peakRssBytes: number;
}

export function hasGnuTime(): boolean {
  return existsSync(GNU_TIME);
}

export async function measure(command: string, args: readonly string[]): Promise<Measurement> {
  const dir = await mkdtemp(join(tmpdir(), 'wirewatch-measure-'));
  const rssFile = join(dir, 'rss');
  try {
    const started = performance.now();
    const { code, stderr } = await run(GNU_TIME, ['-f', '%M', '-o', rssFile, command, ...args]);
    const elapsedMs = performance.now() - started;
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr}`);
    // GNU time writes "Command exited with …" lines before the figure when something went wrong.
    const lines = (await readFile(rssFile, 'utf8')).trim().split('\n');
    const kib = Number(lines.at(-1));
    if (!Number.isFinite(kib)) throw new Error(`unexpected output from ${GNU_TIME}: ${lines.join(' / ')}`);
    return { elapsedMs, peakRssBytes: kib * 1024 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs a process with stdout discarded; resolves with its exit code and the end of its stderr. */
function run(command: string, args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
}

/**
 * How the capture helper is started: the built script, the runtime that runs it, and an optional
 * launcher command in front (`ip netns exec NS` to capture in a network namespace, `sudo -n` or
 * `pkexec` where the helper is granted privilege that way). WIREWATCH_CAPTURE_LAUNCHER sets the
 * launcher for the app and the CLI (split on spaces).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { captureRuntime } from '../security/capture-runtime';

export interface HelperLaunch {
  /** The built helper (dist/main/capture-helper.cjs). */
  readonly script: string;
  /** Words put before the runtime; empty for none. */
  readonly launcher?: readonly string[];
}

/** The launcher named by WIREWATCH_CAPTURE_LAUNCHER, or none. */
export function launcherFromEnvironment(env: NodeJS.ProcessEnv = process.env): readonly string[] {
  const value = env.WIREWATCH_CAPTURE_LAUNCHER?.trim() ?? '';
  return value === '' ? [] : value.split(/\s+/);
}

/**
 * Starts the helper with `args` on the capture runtime (security/capture-runtime.ts): Node itself
 * for the CLI; in the packaged app the small `wirewatch-capture` interpreter, the one file granted
 * the capture capabilities, since the app's own binary may not run as Node.
 */
export function spawnHelper(launch: HelperLaunch, args: readonly string[]): ChildProcessWithoutNullStreams {
  const runtime = captureRuntime();
  const command = [...(launch.launcher ?? []), runtime.command, launch.script, ...args];
  const [program = runtime.command, ...rest] = command;
  return spawn(program, rest, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...runtime.env } });
}

/** Runs the helper to completion (`--list`, `--check`); resolves with what it wrote. */
export function runHelper(
  launch: HelperLaunch,
  args: readonly string[],
): Promise<{ stdout: Buffer; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawnHelper(launch, args);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8'), code });
    });
    child.stdin.end();
  });
}

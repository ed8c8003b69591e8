/**
 * Runs the attack lab (lab.sh) from Node for the lab's own spec and for `npm run bench:detect`: one lab at a time on
 * the machine (flock on LAB_LOCK, as people run it by hand), bounded in time, and torn down on every way out — a
 * time limit, an error, or this process exiting — by signalling the lab's own process group, whose EXIT/TERM trap
 * stops its tools and deletes its namespaces.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** lab.sh, found by walking up from here: this file also runs bundled (bench:detect) from node_modules/.cache. */
function labScript(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const script = join(dir, 'e2e', 'lab', 'lab.sh');
    if (existsSync(script)) return script;
    if (dirname(dir) === dir) throw new Error(`no e2e/lab/lab.sh above ${from}`);
  }
}

export const LAB_SCRIPT = labScript(import.meta.dirname);
/** The lock every lab run takes, so two runs never build `ww-lab-*` namespaces at once. */
export const LAB_LOCK = '/tmp/ww-lab.lock';

export interface LabOptions {
  /** `ci`, `all`, `demo` or a comma list of scenario names. */
  readonly scenarios: string;
  readonly out: string;
  readonly seed?: number;
  /** Longest wait for another lab run to release the lock. */
  readonly lockWaitSeconds: number;
  /** The run is stopped (and cleaned up) past this. */
  readonly timeLimitSeconds: number;
  /** Each line the lab logs (it logs to stderr). */
  readonly onLine?: (line: string) => void;
}

export interface LabRun {
  readonly seconds: number;
  /** The last lines the lab logged, for error messages. */
  readonly tail: readonly string[];
}

/** Why the lab cannot run here, or null when it can: root, Linux, flock, and lab.sh --check passing. */
export function labUnavailableReason(lockWaitSeconds = 600): string | null {
  if (process.platform !== 'linux')
    return `the attack lab needs Linux network namespaces (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'the attack lab needs root (network namespaces, raw sockets)';
  if (spawnSync('flock', ['--version'], { stdio: 'ignore' }).status !== 0) return 'flock (util-linux) is missing';
  const check = spawnSync('flock', ['-w', String(lockWaitSeconds), LAB_LOCK, 'bash', LAB_SCRIPT, '--check'], {
    encoding: 'utf8',
    timeout: (lockWaitSeconds + 30) * 1000,
  });
  if (check.status === 0) return null;
  const said = check.stderr.trim().replace(/\s+/g, ' ');
  return `lab.sh --check failed: ${said === '' ? `exit ${String(check.status ?? check.signal)}` : said}`;
}

/** Runs lab.sh under the lab lock; rejects with the lab's last lines when it fails or outlives its time limit. */
export function runLab(options: LabOptions): Promise<LabRun> {
  const args = ['-w', String(options.lockWaitSeconds), LAB_LOCK, 'bash', LAB_SCRIPT];
  args.push('--scenarios', options.scenarios, '--out', options.out);
  if (options.seed !== undefined) args.push('--seed', String(options.seed));
  const started = Date.now();
  // detached: the lab leads its own process group, so one signal reaches flock, lab.sh and its tools.
  const child = spawn('flock', args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const keep = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      options.onLine?.(line);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);

  const signalGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch (error) {
      // ESRCH: the group is gone already, which is what we wanted.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  const onExit = (): void => signalGroup('SIGTERM');
  process.once('exit', onExit);

  return new Promise<LabRun>((resolve, reject) => {
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    // TERM lets lab.sh's trap clean up (it needs a few seconds per tool); KILL only if it has not after 60 s.
    const limitTimer = setTimeout(() => {
      timedOut = true;
      signalGroup('SIGTERM');
      killTimer = setTimeout(() => signalGroup('SIGKILL'), 60_000);
    }, options.timeLimitSeconds * 1000);
    child.once('error', (error) => {
      clearTimeout(limitTimer);
      process.removeListener('exit', onExit);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(limitTimer);
      if (killTimer !== undefined) clearTimeout(killTimer);
      process.removeListener('exit', onExit);
      const seconds = (Date.now() - started) / 1000;
      if (code === 0 && !timedOut) {
        resolve({ seconds, tail });
        return;
      }
      const why = timedOut
        ? `the lab outlived its ${options.timeLimitSeconds} s limit and was stopped`
        : `the lab exited with ${code ?? signal ?? 'nothing'}`;
      reject(new Error(`${why}; its last lines:\n${tail.join('\n')}`));
    });
  });
}

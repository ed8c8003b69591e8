/**
 * Two network namespaces joined by a veth pair, for tests and benchmarks that need real traffic
 * (nmap, hping3, tcpreplay) without touching the machine's own network: addresses 10.77.N.1 and
 * 10.77.N.2/24, no default route, loopback up. Names carry the `ww-c-` prefix of the capture tests
 * so parallel suites never collide; `remove()` deletes both namespaces (and with them the veths).
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface NetnsSide {
  /** Namespace name. */
  readonly ns: string;
  /** The veth end inside it. */
  readonly device: string;
  readonly address: string;
}

export interface NetnsPair {
  /** Where the capture runs (the victim). */
  readonly a: NetnsSide;
  /** Where the attacker runs. */
  readonly b: NetnsSide;
  /** Runs a command inside one side's namespace; resolves with its output. */
  exec(side: NetnsSide, command: readonly string[], timeoutMs?: number): Promise<{ stdout: string; stderr: string }>;
  remove(): Promise<void>;
}

/** Why namespace tests cannot run here (not root, a tool missing), or null when they can. */
export function netnsUnavailable(tools: readonly string[] = []): string | null {
  if (process.platform !== 'linux') return 'network namespaces are Linux only';
  if (process.getuid?.() !== 0) return 'creating network namespaces needs root';
  for (const tool of ['ip', ...tools]) {
    if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} is not installed`;
  }
  return null;
}

/**
 * Creates `ww-c-<tag>-a` and `ww-c-<tag>-b` on subnet 10.77.<subnet>.0/24 (50..59 belong to the
 * capture tests). Leftovers of an interrupted run with the same names are removed first.
 */
export async function createNetnsPair(tag: string, subnet: number): Promise<NetnsPair> {
  if (!/^[a-z0-9]{1,6}$/.test(tag)) throw new Error(`netns tag "${tag}" must be 1-6 lowercase letters or digits`);
  if (!Number.isInteger(subnet) || subnet < 50 || subnet > 59) throw new Error('capture tests use 10.77.50-59.x');
  const a: NetnsSide = { ns: `ww-c-${tag}-a`, device: `wwc${tag}a`, address: `10.77.${subnet}.1` };
  const b: NetnsSide = { ns: `ww-c-${tag}-b`, device: `wwc${tag}b`, address: `10.77.${subnet}.2` };
  await removeNamespaces([a.ns, b.ns]);
  const ip = (...args: string[]): Promise<unknown> => run('ip', args);
  await ip('netns', 'add', a.ns);
  await ip('netns', 'add', b.ns);
  try {
    await ip('link', 'add', a.device, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.device, 'netns', b.ns);
    for (const side of [a, b]) {
      await ip('-n', side.ns, 'addr', 'add', `${side.address}/24`, 'dev', side.device);
      await ip('-n', side.ns, 'link', 'set', side.device, 'up');
      await ip('-n', side.ns, 'link', 'set', 'lo', 'up');
    }
  } catch (error) {
    await removeNamespaces([a.ns, b.ns]);
    throw error;
  }
  return {
    a,
    b,
    exec: (side, command, timeoutMs = 60_000) =>
      run('ip', ['netns', 'exec', side.ns, ...command], { timeout: timeoutMs, killSignal: 'SIGKILL' }),
    remove: () => removeNamespaces([a.ns, b.ns]),
  };
}

async function removeNamespaces(names: readonly string[]): Promise<void> {
  for (const name of names) {
    await run('ip', ['netns', 'del', name]).catch((error: unknown) => {
      // Absent already is the state we want; anything else is worth seeing.
      if (!String(error).includes('No such file')) console.warn(`[netns] could not remove ${name}:`, error);
    });
  }
}

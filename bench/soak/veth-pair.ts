/**
 * The soak's wire: two network namespaces of its own joined by a veth pair, 10.77.209.0/24, no
 * default route, so the replayed traffic never leaves them. Names carry the `ww-p-` prefix so they
 * cannot collide with other tests' namespaces; teardown deletes both namespaces (and so the pair).
 */
import { execFileSync } from 'node:child_process';

export interface VethPair {
  /** Namespace and interface the capture listens on. */
  readonly captureNamespace: string;
  readonly captureInterface: string;
  /** Namespace and interface the replay sends from. */
  readonly replayNamespace: string;
  readonly replayInterface: string;
}

export const SOAK_PAIR: VethPair = {
  captureNamespace: 'ww-p-soak-cap',
  captureInterface: 'ww-p-sc',
  replayNamespace: 'ww-p-soak-gen',
  replayInterface: 'ww-p-sg',
};

const ip = (...args: string[]): void => {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
};

export function createVethPair(pair: VethPair = SOAK_PAIR): void {
  removeVethPair(pair);
  ip('netns', 'add', pair.captureNamespace);
  ip('netns', 'add', pair.replayNamespace);
  ip(
    'link',
    'add',
    pair.captureInterface,
    'netns',
    pair.captureNamespace,
    'type',
    'veth',
    'peer',
    'name',
    pair.replayInterface,
    'netns',
    pair.replayNamespace,
  );
  ip('-n', pair.captureNamespace, 'addr', 'add', '10.77.209.1/24', 'dev', pair.captureInterface);
  ip('-n', pair.replayNamespace, 'addr', 'add', '10.77.209.2/24', 'dev', pair.replayInterface);
  for (const [namespace, device] of [
    [pair.captureNamespace, pair.captureInterface],
    [pair.replayNamespace, pair.replayInterface],
  ] as const) {
    ip('-n', namespace, 'link', 'set', 'lo', 'up');
    ip('-n', namespace, 'link', 'set', device, 'up');
  }
}

/** Deletes both namespaces (the veth pair goes with them); quiet when they do not exist. */
export function removeVethPair(pair: VethPair = SOAK_PAIR): void {
  for (const namespace of [pair.captureNamespace, pair.replayNamespace]) {
    try {
      ip('netns', 'del', namespace);
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      if (!/No such file|Cannot remove|does not exist/i.test(stderr)) throw error;
    }
  }
}

/** Frames the capture side's interface has received, read inside its namespace. */
export function receivedPackets(pair: VethPair = SOAK_PAIR): number {
  const text = execFileSync(
    'ip',
    ['netns', 'exec', pair.captureNamespace, 'cat', `/sys/class/net/${pair.captureInterface}/statistics/rx_packets`],
    {
      encoding: 'utf8',
    },
  );
  return Number(text.trim());
}

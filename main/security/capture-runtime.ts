/**
 * Which program runs the capture helper script as Node. The packaged app's own binary cannot: its
 * RunAsNode fuse is off (electron-builder.yml), so ELECTRON_RUN_AS_NODE is ignored. On Linux the
 * package carries the capture interpreter instead: `wirewatch-capture` beside the app's executable,
 * a copy of it that keeps RunAsNode and nothing else (scripts/pack-after-pack.mjs), and the one file
 * the deb's postinst gives CAP_NET_RAW and CAP_NET_ADMIN (packaging/linux/grant-capture.sh).
 * Under plain Node (the CLI, tests) it is Node itself; unpackaged Electron runs as Node as it is.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CAPTURE_INTERPRETER = 'wirewatch-capture';

export interface CaptureRuntime {
  readonly command: string;
  /** Added to the helper's environment. */
  readonly env: Readonly<Record<string, string>>;
}

export interface RuntimeFacts {
  readonly execPath: string;
  /** process.versions.electron: undefined under plain Node. */
  readonly electron: string | undefined;
  readonly exists: (path: string) => boolean;
}

const currentFacts: RuntimeFacts = {
  execPath: process.execPath,
  electron: process.versions.electron,
  exists: existsSync,
};

export function captureRuntime(facts: RuntimeFacts = currentFacts): CaptureRuntime {
  if (facts.electron === undefined) return { command: facts.execPath, env: {} };
  const interpreter = join(dirname(facts.execPath), CAPTURE_INTERPRETER);
  return { command: facts.exists(interpreter) ? interpreter : facts.execPath, env: { ELECTRON_RUN_AS_NODE: '1' } };
}

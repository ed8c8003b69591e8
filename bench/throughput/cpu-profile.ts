/**
 * Profiles one `wirewatch analyze` run with V8's sampling profiler (node --cpu-prof) and sums
 * self time per function, named by its source line through the bundle's source map.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { SourceMap } from './source-map';
import { WIREWATCH_BIN, WIREWATCH_BUNDLE } from './repo-paths';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber: number;
  };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface ProfileEntry {
  readonly name: string;
  /** Source file and line of the function, or the script it ran in. */
  readonly where: string;
  readonly selfMs: number;
  /** Of all samples, 0..1. */
  readonly share: number;
}

export interface Profile {
  readonly path: string;
  readonly totalMs: number;
  /** Most self time first. */
  readonly entries: readonly ProfileEntry[];
}

export async function profileWirewatch(file: string, dir: string): Promise<Profile> {
  await mkdir(dir, { recursive: true });
  const before = new Set(await readdir(dir));
  await promisify(execFile)(process.execPath, [
    '--cpu-prof',
    `--cpu-prof-dir=${dir}`,
    WIREWATCH_BIN,
    'analyze',
    file,
    '--summary',
    '/dev/null',
  ]);
  const written = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile') && !before.has(name));
  const name = written[0];
  if (name === undefined) throw new Error(`node --cpu-prof wrote no profile into ${dir}`);
  const path = join(dir, name);
  const profile = JSON.parse(await readFile(path, 'utf8')) as CpuProfile;
  const map = new SourceMap(await readFile(`${WIREWATCH_BUNDLE}.map`, 'utf8'));
  return { path, ...summarise(profile, map) };
}

function summarise(profile: CpuProfile, map: SourceMap): { totalMs: number; entries: ProfileEntry[] } {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map<string, { name: string; where: string; micros: number }>();
  let totalMicros = 0;
  profile.samples.forEach((id, n) => {
    const node = byId.get(id);
    // timeDeltas[n] is the time since the previous sample: the time the previous sample stood for.
    const micros = profile.timeDeltas[n + 1] ?? 0;
    if (node === undefined) return;
    totalMicros += micros;
    const frame = node.callFrame;
    const where = frame.url.endsWith(basename(WIREWATCH_BUNDLE))
      ? located(map, frame.lineNumber, frame.columnNumber)
      : frame.url === ''
        ? ''
        : `${basename(frame.url)}:${frame.lineNumber + 1}`;
    const name = frame.functionName === '' ? '(anonymous)' : frame.functionName;
    const key = `${name} ${where}`;
    const entry = selfMicros.get(key) ?? { name, where, micros: 0 };
    entry.micros += micros;
    selfMicros.set(key, entry);
  });
  const entries = [...selfMicros.values()]
    .sort((a, b) => b.micros - a.micros)
    .map(({ name, where, micros }) => ({
      name,
      where,
      selfMs: micros / 1000,
      share: totalMicros > 0 ? micros / totalMicros : 0,
    }));
  return { totalMs: totalMicros / 1000, entries };
}

function located(map: SourceMap, line: number, column: number): string {
  const position = map.lookup(line, column);
  if (position === undefined) return `${basename(WIREWATCH_BUNDLE)}:${line + 1}`;
  // Sources are relative to dist/main ("../../main/engine/…"): show them from the repository root.
  return `${position.source.replace(/^(\.\.\/)+/, '')}:${position.line}`;
}

/**
 * `npm run bench:throughput [-- --big] [--packets 2M] [--runs 3] [--profile]`: Wirewatch's
 * packets/s and peak memory on the office-uplink capture, beside tcpdump, argus and tshark on the
 * same file in the same run, with the ratios and the aims they are held to.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { parseQuantity } from '../traffic/quantity';
import type { TrafficOptions } from '../traffic/generate';
import { sourcesNewerThan } from './build-freshness';
import { cachedCapture, type CachedCapture } from './cached-capture';
import { profileWirewatch } from './cpu-profile';
import { GNU_TIME, hasGnuTime, measure, type Measurement } from './measure';
import { CACHE_DIR, REPO_ROOT, TRAFFIC_SOURCES, WIREWATCH_BUNDLE } from './repo-paths';
import { megabytes, reportLines, whole } from './report';
import { isInstalled, PEERS, wirewatchTool, type Tool } from './tools';
import { warmPageCache } from './warm-cache';

const BIG_BYTES = 4 * 1024 ** 3;
const PROFILE_TOP = 15;
const TINY_PACKETS = 1000;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      big: { type: 'boolean', default: false },
      packets: { type: 'string', default: '2M' },
      runs: { type: 'string', default: '3' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
    },
  });
  if (!hasGnuTime()) throw new Error(`${GNU_TIME} is missing: apt-get install time`);
  if (!existsSync(WIREWATCH_BUNDLE)) throw new Error('Wirewatch is not built: run `npm run build` first');
  const runs = Math.max(1, Number(values.runs));
  const seed = Number(values.seed);
  const request: TrafficOptions = values.big
    ? { seed, bytes: BIG_BYTES }
    : { seed, packets: parseQuantity(values.packets, 1000) };
  const name = values.big ? `office-4GiB-seed${seed}.pcap` : `office-${request.packets ?? 0}p-seed${seed}.pcap`;

  await mkdir(CACHE_DIR, { recursive: true });
  console.log(`capture: ${relative(REPO_ROOT, join(CACHE_DIR, name))} (generated once, then reused)`);
  const capture = await cachedCapture(CACHE_DIR, name, request, TRAFFIC_SOURCES);
  console.log(
    `  ${capture.generated ? 'generated' : 'cached'}: ${whole(capture.packets)} packets, ${megabytes(capture.fileBytes)}, ` +
      `${capture.durationSeconds.toFixed(0)} s of office-uplink traffic`,
  );
  await warmPageCache(capture.path);

  const summaryPath = join(CACHE_DIR, 'wirewatch-summary.json');
  const tools = [wirewatchTool(summaryPath), ...PEERS];
  const missing = tools.filter((tool) => !isInstalled(tool.command));
  for (const tool of missing)
    console.log(`  ${tool.name}: not installed (apt-get install ${tool.aptPackage}), not measured`);
  const present = tools.filter((tool) => !missing.includes(tool));

  // The fixed cost of each tool: the same kind of traffic, 1,000 packets.
  const tiny = await cachedCapture(
    CACHE_DIR,
    `office-${TINY_PACKETS}p-seed${seed}.pcap`,
    { seed, packets: TINY_PACKETS },
    TRAFFIC_SOURCES,
  );
  await warmPageCache(tiny.path);

  const results = new Map(
    present.map((tool) => [tool, { tool, runs: [] as Measurement[], startupRuns: [] as Measurement[] }]),
  );
  const measureOn = async (tool: Tool, file: CachedCapture, into: Measurement[]): Promise<void> => {
    into.push(await measure(tool.command, tool.args(file.path)));
    if (tool.name === 'wirewatch') await checkSummary(summaryPath, file.packets);
  };
  // Rounds interleave the tools, so a slow patch on the machine hits them all alike.
  for (let round = 0; round < runs; round++) {
    for (const [tool, result] of results) {
      await measureOn(tool, tiny, result.startupRuns);
      if (tool.once !== true || round === 0) await measureOn(tool, capture, result.runs);
    }
  }

  const stale = await sourcesNewerThan(WIREWATCH_BUNDLE, REPO_ROOT, ['main', 'preload']);
  console.log('');
  const built = (await stat(WIREWATCH_BUNDLE)).mtime.toISOString().replace('T', ' ').slice(0, 19);
  console.log(`Page cache warm; wall time of the whole command, start-up included.`);
  console.log(
    `wirewatch = ${relative(REPO_ROOT, WIREWATCH_BUNDLE)}, built ${built} UTC; start-up = best time on a ${TINY_PACKETS}-packet capture.`,
  );
  if (stale.length > 0) {
    console.log(
      `NOTE: ${stale.length} source files changed since the build (${stale.slice(0, 3).join(', ')}…): npm run build for current figures.`,
    );
  }
  console.log(
    'wirewatch = decode + flows + summary + the rule detectors + the shipped ONNX models (inference worker), as `wirewatch analyze` runs by default.',
  );
  console.log('');
  for (const line of reportLines(capture.packets, [...results.values()])) {
    console.log(line);
  }

  if (values.profile) {
    const profile = await profileWirewatch(capture.path, join(CACHE_DIR, 'profiles'));
    console.log('');
    console.log(
      `Where wirewatch's time goes (self time, ${(profile.totalMs / 1000).toFixed(2)} s sampled; ${relative(REPO_ROOT, profile.path)}):`,
    );
    for (const entry of profile.entries.slice(0, PROFILE_TOP)) {
      console.log(`  ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name.padEnd(28)} ${entry.where}`);
    }
  }
  return missing.length > 0 ? 1 : 0;
}

/** A fast run that read half the file is no result: check Wirewatch saw every packet. */
async function checkSummary(path: string, expected: number): Promise<void> {
  const summary = JSON.parse(await readFile(path, 'utf8')) as { packets: number; problem: unknown };
  if (summary.packets !== expected || summary.problem !== null) {
    throw new Error(
      `wirewatch read ${summary.packets} of ${expected} packets (problem: ${JSON.stringify(summary.problem)})`,
    );
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);

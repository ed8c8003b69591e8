/**
 * `npm run bench:soak [-- --minutes 30] [--pps 2000] [--every 30]` (root): live capture for a long
 * time at a steady replayed load, printing memory as it goes. Two network namespaces of its own and
 * a veth pair; tcpreplay loops the demo capture (lab traffic with a scan, a brute force and a DNS
 * tunnel in it) into one end at a fixed packet rate; `wirewatch capture` listens on the other end,
 * its capture helper started inside the namespace, printing alerts as they are raised. Every
 * --every seconds: packets on the wire, the capture process's RSS and live V8 heap (after a forced
 * GC, through its inspector), the helper's RSS, alerts so far. At the end, each figure's drift after
 * warm-up in MB per 10 minutes (flat memory is the aim) and the capture's own counters. Exits 1 when
 * the capture dies or any step fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { framesOf } from '../fuzz/seed-corpus';
import { REPO_ROOT } from '../throughput/repo-paths';
import { afterWarmUp, slope, type Sample } from './drift';
import { InspectorHeap, inspectorUrl } from './inspector-heap';
import { descendants, residentBytes } from './process-memory';
import { createVethPair, receivedPackets, removeVethPair, SOAK_PAIR } from './veth-pair';

const DEMO = join(REPO_ROOT, 'resources', 'demo', 'demo.pcap');
const CLI = join(REPO_ROOT, 'bin', 'wirewatch.cjs');
const MB = 1024 * 1024;

interface Row {
  readonly seconds: number;
  readonly packets: number;
  readonly rss: number;
  readonly heap: number;
  readonly helperRss: number;
  readonly alerts: number;
}

const mb = (bytes: number): string => (bytes / MB).toFixed(1);

function waitFor(check: () => boolean, seconds: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + seconds * 1000;
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`${what} did not happen within ${seconds} s`));
      }
    }, 100);
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '30' },
      pps: { type: 'string', default: '2000' },
      every: { type: 'string', default: '30' },
    },
  });
  const minutes = Number(values.minutes);
  const pps = Number(values.pps);
  const every = Math.max(1, Math.min(Number(values.every), (minutes * 60) / 4));
  if (process.getuid?.() !== 0) throw new Error('the soak creates network namespaces: run it as root');
  if (!existsSync(join(REPO_ROOT, 'dist', 'main', 'capture-helper.cjs')))
    throw new Error('not built: run `npm run build` first');

  const seconds = minutes * 60;
  console.log(
    `Soak: wirewatch capture on a veth for ${minutes} min at ${pps} packets/s (tcpreplay looping the demo capture)`,
  );
  createVethPair();
  const children: ChildProcess[] = [];
  let inspector: InspectorHeap | undefined;
  try {
    let stderr = '';
    let alerts = 0;
    let stdout = '';
    const capture = spawn(
      process.execPath,
      [
        '--inspect=127.0.0.1:0',
        CLI,
        'capture',
        '--interface',
        SOAK_PAIR.captureInterface,
        '--duration',
        String(seconds + 10),
      ],
      {
        env: { ...process.env, WIREWATCH_CAPTURE_LAUNCHER: `ip netns exec ${SOAK_PAIR.captureNamespace}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(capture);
    capture.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      alerts = stdout.split('\n').filter((line) => line.startsWith('ALERT ')).length;
    });
    capture.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let exited: number | null | undefined;
    capture.on('exit', (code) => {
      exited = code;
    });
    // Read through a function: the compiler cannot see the 'exit' listener change `exited` between awaits.
    const exitCode = (): number | null | undefined => exited;
    const capturePid = capture.pid;
    if (capturePid === undefined) throw new Error('wirewatch capture did not start');
    await waitFor(
      () => inspectorUrl(stderr) !== undefined || exitCode() !== undefined,
      20,
      'the capture process starting',
    );
    const url = inspectorUrl(stderr);
    if (url === undefined) throw new Error(`wirewatch capture ended at once:\n${stderr}`);
    inspector = await InspectorHeap.connect(url);
    // The helper is up once the capture process has a child (ip netns exec replaces itself with it).
    await waitFor(
      () => descendants(capturePid).length > 0 || exitCode() !== undefined,
      20,
      'the capture helper starting',
    );
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (exitCode() !== undefined)
      throw new Error(`wirewatch capture ended at once (exit ${String(exitCode())}):\n${stderr}`);

    // Enough loops to outlast the soak; tcpreplay is stopped when the soak ends anyway.
    const demoPackets = framesOf(readFileSync(DEMO)).length;
    const replay = spawn(
      'ip',
      [
        'netns',
        'exec',
        SOAK_PAIR.replayNamespace,
        'tcpreplay',
        '-q',
        `--pps=${pps}`,
        `--loop=${Math.ceil((seconds * pps) / demoPackets) + 1}`,
        '-i',
        SOAK_PAIR.replayInterface,
        DEMO,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.push(replay);

    const rows: Row[] = [];
    const started = Date.now();
    console.log('');
    console.log('   time   packets   capture RSS   capture heap   helper RSS   alerts');
    for (let next = 0; next <= seconds; next += every) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + next * 1000 - Date.now())));
      if (exitCode() !== undefined)
        throw new Error(
          `wirewatch capture died after ${(Date.now() - started) / 1000} s (exit ${String(exitCode())}):\n${stderr}`,
        );
      const helpers = descendants(capturePid);
      const row: Row = {
        seconds: (Date.now() - started) / 1000,
        packets: receivedPackets(),
        rss: residentBytes(capturePid),
        heap: await inspector.usedAfterGc(),
        helperRss: helpers.reduce((sum, pid) => sum + residentBytes(pid), 0),
        alerts,
      };
      rows.push(row);
      console.log(
        `${`${Math.round(row.seconds)} s`.padStart(7)} ${row.packets.toLocaleString('en').padStart(9)} ${`${mb(row.rss)} MB`.padStart(13)} ${`${mb(row.heap)} MB`.padStart(14)} ${`${mb(row.helperRss)} MB`.padStart(12)} ${String(row.alerts).padStart(8)}`,
      );
    }

    const drift = (pick: (row: Row) => number): string => {
      const samples: Sample[] = afterWarmUp(rows.map((row) => ({ seconds: row.seconds, value: pick(row) })));
      return `${((slope(samples) * 600) / MB).toFixed(2)} MB/10 min`;
    };
    const first = rows[0];
    const last = rows.at(-1);
    if (first === undefined || last === undefined) throw new Error('no samples taken');
    const rate = (last.packets - first.packets) / (last.seconds - first.seconds);
    console.log('');
    console.log(
      `wire          ${last.packets.toLocaleString('en')} packets, ${Math.round(rate).toLocaleString('en')} packets/s received`,
    );
    console.log(
      `capture RSS   ${mb(first.rss)} -> ${mb(last.rss)} MB (max ${mb(Math.max(...rows.map((row) => row.rss)))}), drift after warm-up ${drift((row) => row.rss)}`,
    );
    console.log(
      `capture heap  ${mb(first.heap)} -> ${mb(last.heap)} MB live (max ${mb(Math.max(...rows.map((row) => row.heap)))}), drift after warm-up ${drift((row) => row.heap)}`,
    );
    console.log(
      `helper RSS    ${mb(first.helperRss)} -> ${mb(last.helperRss)} MB, drift after warm-up ${drift((row) => row.helperRss)}`,
    );
    console.log(`alerts        ${last.alerts}`);
    // Ctrl+C, as a person would stop it: the capture prints its own counters and gaps on the way out.
    // Node waits at exit for a connected inspector to disconnect: let go of it first.
    inspector.close();
    replay.kill('SIGINT');
    capture.kill('SIGINT');
    await waitFor(() => exitCode() !== undefined, 30, 'the capture stopping');
    const summary = stdout.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('ALERT '));
    console.log(`capture said  ${summary.join('\n              ')}`);
    return 0;
  } finally {
    inspector?.close();
    // Only the processes this soak started, by their own pid; one that already ended is left be.
    const signal = (child: ChildProcess, name: NodeJS.Signals): void => {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      try {
        process.kill(child.pid, name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    };
    for (const child of children.reverse()) signal(child, 'SIGINT');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const child of children) signal(child, 'SIGKILL');
    removeVethPair();
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

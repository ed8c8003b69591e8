/**
 * `npm run bench:live`: how fast live capture keeps up. Two namespaces joined by a veth; tcpreplay
 * in one replays the lab's demo capture (scans, brute force, DNS tunnel among ordinary traffic) in
 * a loop at rising rates onto the veth; in the other, Wirewatch (capture helper + live pipeline with
 * every rule, as `wirewatch capture` runs it) and tcpdump, the peer, capture the same interface in
 * the same run. Per rate it prints what tcpreplay sent, what each captured and dropped, and the time
 * from an attack packet to its alert (p50/p99) for port scans injected with hping3 meanwhile.
 *
 *   npm run build && npm run bench:live [-- --rates 50k,100k,200k,300k --seconds 3 --attacks 10]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Alert } from '../../preload/api/alerts';
import { createNetnsPair, netnsUnavailable, type NetnsPair } from '../../e2e/support/netns';
import { checkHelperConfig } from '../../main/capture/helper-config';
import { LiveCapture } from '../../main/capture/live-capture';
import { REPO_ROOT } from '../throughput/repo-paths';
import { parseTcpdumpStats, quantile, type TcpdumpStats } from './tcpdump-stats';

const HELPER = join(REPO_ROOT, 'dist', 'main', 'capture-helper.cjs');
const REPLAYED = join(REPO_ROOT, 'resources', 'demo', 'demo.pcap');
/** 256 MiB: at 300 k packets/s a quarter-second stall of the helper must fit in the ring. */
const BUFFER_BYTES = 256 * 1024 * 1024;
/** Sources of the injected scans: an address range of their own on the veth's subnet. */
const INJECTED = '10.77.53.';

interface RateResult {
  readonly rate: number;
  readonly sent: number;
  /** The rate tcpreplay achieved (it falls short of the asked rate when it runs out of CPU). */
  readonly achieved: number;
  readonly seen: number;
  readonly kernelDropped: number | null;
  readonly wirewatchDropped: number;
  readonly tcpdump: TcpdumpStats | undefined;
  /** Milliseconds from the triggering packet reaching the helper to the alert's hand-over. */
  readonly alertMs: readonly number[];
  /** Milliseconds from starting the attacking hping3 to the alert (includes the tool's start). */
  readonly endToEndMs: readonly number[];
}

function rateOf(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (match?.[1] === undefined) throw new Error(`"${text}" is not a rate (e.g. 200k)`);
  const unit = match[2]?.toLowerCase();
  return Math.round(Number(match[1]) * (unit === 'k' ? 1e3 : unit === 'm' ? 1e6 : 1));
}

/** Runs a command to the end; resolves with its output. */
function runToEnd(
  command: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve({ stdout, stderr });
    });
  });
}

async function oneRate(
  net: NetnsPair,
  rate: number,
  seconds: number,
  attacks: number,
  round: number,
): Promise<RateResult> {
  const config = checkHelperConfig({ interface: net.a.device, bufferBytes: BUFFER_BYTES });
  if (typeof config === 'string') throw new Error(config);
  const firstSeenAt = new Map<string, number>();
  const alertMs: number[] = [];
  const capture = await LiveCapture.start({
    launch: { script: HELPER, launcher: ['ip', 'netns', 'exec', net.a.ns] },
    config,
    ring: false,
    onAlerts: (alerts: readonly Alert[]) => {
      const now = Date.now();
      for (const alert of alerts) {
        // Only the injected scans (the replayed demo has scans of its own).
        if (alert.kind !== 'port_scan' || alert.src?.startsWith(INJECTED) !== true || firstSeenAt.has(alert.src))
          continue;
        firstSeenAt.set(alert.src, now);
        alertMs.push(now - alert.last_seen * 1000);
      }
    },
  });
  // The peer, on the same interface in the same run, with the same kernel buffer.
  const tcpdump = spawn(
    'ip',
    [
      'netns',
      'exec',
      net.a.ns,
      'tcpdump',
      '-i',
      net.a.device,
      '-w',
      '/dev/null',
      '-B',
      String(BUFFER_BYTES / 1024),
      '-n',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let tcpdumpErr = '';
  tcpdump.stderr.on('data', (chunk: Buffer) => (tcpdumpErr += chunk.toString()));
  await new Promise((resolve) => setTimeout(resolve, 1000)); // tcpdump prints "listening" once it captures

  const limit = rate * seconds;
  const replay = runToEnd(
    'ip',
    [
      'netns',
      'exec',
      net.b.ns,
      'tcpreplay',
      '-i',
      net.b.device,
      `--pps=${rate}`,
      `--limit=${limit}`,
      '--loop=0',
      '--preload-pcap',
      REPLAYED,
    ],
    (seconds + 30) * 1000,
  );
  // Port scans from addresses of their own (hping3 -a), spread over the replay: 25 SYNs to ports 1..25.
  const endToEndMs: number[] = [];
  for (let k = 0; k < attacks; k++) {
    await new Promise((resolve) => setTimeout(resolve, (seconds * 1000) / (attacks + 1)));
    const source = `${INJECTED}${100 + ((round * attacks + k) % 150)}`;
    const started = Date.now();
    void runToEnd(
      'ip',
      [
        'netns',
        'exec',
        net.b.ns,
        'hping3',
        '-q',
        '-S',
        '-a',
        source,
        '-p',
        '++1',
        '-i',
        'u1000',
        '-c',
        '25',
        net.a.address,
      ],
      10_000,
    ).then(() => undefined);
    void (async () => {
      for (let wait = 0; wait < 100 && !firstSeenAt.has(source); wait++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const at = firstSeenAt.get(source);
      if (at !== undefined) endToEndMs.push(at - started);
    })();
  }
  const replayed = await replay;
  await new Promise((resolve) => setTimeout(resolve, 2500)); // let the last packets and alerts through
  const result = await capture.stop();
  if (tcpdump.pid !== undefined) process.kill(tcpdump.pid, 'SIGINT');
  await new Promise((resolve) => tcpdump.once('close', resolve));
  const sent = Number(/Actual: (\d+) packets/.exec(replayed.stdout)?.[1] ?? Number.NaN);
  const achieved = Number(/Rated: .*?([\d.]+) pps/.exec(replayed.stdout)?.[1] ?? Number.NaN);
  return {
    rate,
    sent,
    achieved,
    seen: result.counters.seen,
    kernelDropped: result.counters.kernelDropped,
    wirewatchDropped: result.counters.wirewatchDropped,
    tcpdump: parseTcpdumpStats(tcpdumpErr),
    alertMs,
    endToEndMs,
  };
}

function row(result: RateResult, attacks: number): string {
  const pct = (part: number): string =>
    Number.isFinite(part) && result.sent > 0 ? `${((100 * part) / result.sent).toFixed(2)}%` : '—';
  const td = result.tcpdump;
  const ms = (values: readonly number[], q: number): string =>
    values.length === 0 ? '—' : quantile(values, q).toFixed(0);
  return [
    `${(result.rate / 1000).toFixed(0)}k`.padStart(6),
    `${(result.achieved / 1000).toFixed(1)}k`.padStart(7),
    String(result.sent).padStart(9),
    `${result.seen} (${pct(result.seen)})`.padStart(18),
    `${result.kernelDropped ?? 'n/a'}/${result.wirewatchDropped}`.padStart(12),
    (td === undefined ? 'n/a' : `${td.captured} (${pct(td.captured)})`).padStart(18),
    String(td?.droppedByKernel ?? 'n/a').padStart(8),
    (td === undefined || td.captured === 0 ? '—' : (result.seen / td.captured).toFixed(3)).padStart(7),
    `${ms(result.alertMs, 0.5)}/${ms(result.alertMs, 0.99)}`.padStart(10),
    `${ms(result.endToEndMs, 0.5)}/${ms(result.endToEndMs, 0.99)}`.padStart(10),
    `${result.alertMs.length}/${attacks}`.padStart(6),
  ].join(' ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      rates: { type: 'string', default: '25k,50k,100k,200k,300k' },
      seconds: { type: 'string', default: '3' },
      attacks: { type: 'string', default: '10' },
      /** Leave the capture veth's offloads on (the kernel's default). */
      offloads: { type: 'boolean', default: false },
    },
  });
  const why = netnsUnavailable(['tcpreplay', 'tcpdump', 'hping3', 'ethtool']);
  if (why !== null) throw new Error(`bench:live cannot run here: ${why}`);
  if (!existsSync(HELPER)) throw new Error(`${HELPER} is missing: run npm run build first`);
  const rates = values.rates.split(',').map(rateOf);
  const seconds = Number(values.seconds);
  const attacks = Number(values.attacks);
  const net = await createNetnsPair('bn', 53);
  try {
    // Receive offloads off on the capture side, as Suricata's and Zeek's guides advise for capture
    // interfaces: with them on, libpcap must size each ring slot of the immediate-mode (TPACKET_V2)
    // ring that `cap` gets for a 64 KiB aggregate, and 256 MiB holds only ~4,000 packets; with them
    // off a slot is MTU-sized (pcap-linux.c, create_ring). tcpdump captures the same interface.
    const offloads = values.offloads;
    if (!offloads) {
      const features = ['gro', 'gso', 'tso', 'tx', 'rx'].flatMap((feature) => [feature, 'off']);
      await net.exec(net.a, ['ethtool', '-K', net.a.device, ...features]);
    }
    console.log(
      `Replaying ${REPLAYED} in a loop onto a veth (ww-c-bn), ${seconds} s per rate; kernel buffer ${BUFFER_BYTES / 2 ** 20} MiB for both; receive offloads ${offloads ? 'on' : 'off'}.`,
    );
    console.log(
      'Wirewatch: capture helper (cap/libpcap) + live pipeline with all rules; peer: tcpdump -w /dev/null, same interface, same run.',
    );
    console.log(
      '  rate  actual      sent    Wirewatch seen  kdrop/wwdrop     tcpdump captured  td drop  ww/td  alert ms  e2e ms  alerts',
    );
    console.log('                                   (p50/p99 from packet to alert; e2e from starting hping3)');
    for (const [round, rate] of rates.entries()) {
      const result = await oneRate(net, rate, seconds, attacks, round);
      console.log(row(result, attacks));
    }
    // Shared machines: the figures mean little without how busy the cores were.
    console.log(
      `${cpus().length} cores; load average (1, 5, 15 min) at the end: ${loadavg()
        .map((load) => load.toFixed(1))
        .join(', ')}`,
    );
  } finally {
    await net.remove();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});

/**
 * `npm run bench:detect [-- --seed N] [--scenarios all] [--out DIR] [--captures DIR]`: detection quality on the
 * attack lab. Regenerates the lab corpus (real tools in network namespaces; needs root), scores Wirewatch's rules
 * on it with `wirewatch evaluate`'s scoring (per-kind precision, recall, F1, latency, confusion, false alerts per
 * benign hour), and measures a peer on the same captures in the same run: arpwatch, the one detector in Debian 12
 * that reads a capture file and reports one of these attack kinds (arp_spoof). `--captures DIR` scores an existing
 * corpus instead of regenerating one.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Alert } from '../../preload/api/alerts';
import { labUnavailableReason, runLab } from '../../e2e/lab/lab-runner';
import { evaluationText } from '../../main/engine/evaluate/report-text';
import { evaluate, type CaptureOutcome, type Evaluation } from '../../main/engine/evaluate/score';
import { readTruth, truthPathFor, type Truth } from '../../main/engine/evaluate/truth';
import { analyzeCapture } from '../../main/engine/pipeline';
import { arpwatchAlerts, hasArpwatch } from './arpwatch-peer';

// The full set takes about 14 minutes on 2 cores; the limit only stops a run that hangs.
const LAB_LIMIT_SECONDS = 40 * 60;

const NO_OTHER_PEER =
  'No other peer: Debian 12 has no packet IDS that reads a capture and names these attacks — suricata, snort and ' +
  'zeek are not in bookworm, psad reads iptables logs, and nDPI (libndpi-bin) flags protocol risks, not scans or floods.';

interface Scored {
  readonly truth: Truth;
  readonly capture: string;
  readonly alerts: Alert[];
  readonly raisedAt: Record<string, number>;
  readonly seconds: number;
}

async function wirewatchOn(capture: string): Promise<Scored> {
  const truth = await readTruth(truthPathFor(capture));
  const alerts = new Map<string, Alert>();
  const raisedAt: Record<string, number> = {};
  const started = process.hrtime.bigint();
  const summary = await analyzeCapture(capture, {
    detection: {
      origin: { type: 'file', path: resolve(capture) },
      onAlerts: (changed) => {
        for (const alert of changed) {
          raisedAt[alert.id] ??= alert.last_seen;
          alerts.set(alert.id, alert);
        }
      },
    },
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (summary.problem !== null) console.error(`  ${capture}: ${summary.problem.message}`);
  return { truth, capture, alerts: [...alerts.values()], raisedAt, seconds };
}

/** The arp_spoof rows, Wirewatch beside arpwatch: recall, latency, and arp_spoof alerts that matched no episode. */
function peerLines(wirewatch: Evaluation, peer: Evaluation, ratio: number): string[] {
  const row = (name: string, result: Evaluation): string => {
    const kind = result.kinds.find((entry) => entry.kind === 'arp_spoof');
    const recall = kind?.recall ?? null;
    const latency = kind?.latency ?? null;
    const falseAlerts = result.confusion['benign']?.['arp_spoof'] ?? 0;
    return (
      `${name.padEnd(12)}${String(kind?.episodes ?? 0).padStart(9)}${(recall === null ? '—' : recall.toFixed(2)).padStart(8)}` +
      `${String(kind?.alerts ?? 0).padStart(8)}${(latency === null ? '—' : latency.median.toFixed(1)).padStart(12)}` +
      String(falseAlerts).padStart(14)
    );
  };
  return [
    `${'arp_spoof'.padEnd(12)}${'episodes'.padStart(9)}${'recall'.padStart(8)}${'alerts'.padStart(8)}` +
      `${'latency s'.padStart(12)}${'false alerts'.padStart(14)}`,
    row('wirewatch', wirewatch),
    row('arpwatch', peer),
    `arpwatch reports ARP changes only, so only this kind compares. Time over the whole corpus, arpwatch / wirewatch` +
      ` (all rules): ${ratio.toFixed(2)}`,
  ];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '1' },
      scenarios: { type: 'string', default: 'all' },
      out: { type: 'string' },
      captures: { type: 'string' },
    },
  });
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed ${values.seed}: give a whole number`);
  let dir = values.captures;
  if (dir === undefined) {
    const reason = labUnavailableReason();
    if (reason !== null) {
      console.error(
        `bench:detect cannot regenerate the lab corpus: ${reason}. Run it as root, or pass --captures DIR.`,
      );
      return 2;
    }
    dir = values.out ?? `/tmp/ww-bench-detect-seed${seed}`;
    console.log(`lab: --scenarios ${values.scenarios} --seed ${seed} --out ${dir}`);
    const lab = await runLab({
      scenarios: values.scenarios,
      seed,
      out: dir,
      lockWaitSeconds: 1800,
      timeLimitSeconds: LAB_LIMIT_SECONDS,
      onLine: (line) => {
        if (/scenario |: \d+ packets|done:/.test(line)) console.log(`  ${line}`);
      },
    });
    console.log(`lab: ${(lab.seconds / 60).toFixed(1)} min`);
  }
  const folder = dir;
  const captures = (await readdir(folder))
    .filter((name) => name.endsWith('.pcap'))
    .sort()
    .map((name) => join(folder, name));
  if (captures.length === 0) throw new Error(`no .pcap captures in ${folder}`);

  const scored: Scored[] = [];
  for (const capture of captures) scored.push(await wirewatchOn(capture));
  const outcomes: CaptureOutcome[] = scored.map(({ truth, alerts, raisedAt }) => ({ truth, alerts, raisedAt }));
  const result = evaluate(outcomes);
  const analysisSeconds = scored.reduce((sum, item) => sum + item.seconds, 0);
  console.log(
    `\nWirewatch rules on ${captures.length} captures in ${folder} (analysis ${analysisSeconds.toFixed(1)} s)\n`,
  );
  console.log(evaluationText(result));

  console.log('\nPeer, same captures, same run');
  if (!hasArpwatch()) {
    console.log('  arpwatch: not installed (apt-get install arpwatch), not measured');
  } else {
    const peerOutcomes: CaptureOutcome[] = [];
    let peerSeconds = 0;
    for (const item of scored) {
      const run = arpwatchAlerts(item.capture);
      peerSeconds += run.seconds;
      peerOutcomes.push({ truth: item.truth, alerts: run.alerts });
    }
    for (const line of peerLines(result, evaluate(peerOutcomes), peerSeconds / analysisSeconds))
      console.log(`  ${line}`);
  }
  console.log(`  ${NO_OTHER_PEER}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);

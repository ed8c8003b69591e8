/**
 * `npm run bench:fuzz [-- --inputs 1M] [--seed N] [--threads N] [--hang-seconds S]`: mutates capture
 * files and runs each through the capture readers and the decoders (bench/fuzz/capture-target.ts),
 * in worker threads watched for hangs. Prints inputs/s, crashes and hangs; saves any finding's input
 * under node_modules/.cache/wirewatch-fuzz/ to reproduce it. Exits 1 on any finding.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { DECODE_RESULT_NAMES } from '../../main/engine/decode/result';
import { REPO_ROOT } from '../throughput/repo-paths';
import { parseQuantity } from '../traffic/quantity';
import {
  HEARTBEAT,
  INPUT_BYTES,
  INPUT_LENGTH,
  MAX_SAVED_INPUT,
  type WorkerMessage,
  type WorkerStart,
  type WorkerSummary,
} from './worker-protocol';

const OUT_DIR = join(REPO_ROOT, 'node_modules', '.cache', 'wirewatch-fuzz');
const DEMO = join(REPO_ROOT, 'resources', 'demo', 'demo.pcap');

interface ThreadOutcome {
  readonly summary: WorkerSummary | undefined;
  readonly crashes: number;
  readonly hung: boolean;
}

function runThread(
  index: number,
  start: Omit<WorkerStart, 'shared'>,
  hangSeconds: number,
  progress: (done: number) => void,
): Promise<ThreadOutcome> {
  const shared = new SharedArrayBuffer(INPUT_BYTES + MAX_SAVED_INPUT);
  const counters = new Int32Array(shared, 0, 2);
  const worker = new Worker(join(import.meta.dirname, 'fuzz-worker.mjs'), {
    workerData: { ...start, shared } satisfies WorkerStart,
  });
  return new Promise((resolve) => {
    let last = -1;
    let quietSince = Date.now();
    let settled = false;
    const finish = (outcome: ThreadOutcome): void => {
      if (settled) return;
      settled = true;
      clearInterval(watchdog);
      resolve(outcome);
    };
    // A synchronous loop stuck on one input never returns to its event loop: watch its heartbeat instead.
    const watchdog = setInterval(() => {
      const beat = Atomics.load(counters, HEARTBEAT);
      if (beat !== last) {
        last = beat;
        quietSince = Date.now();
        return;
      }
      if (Date.now() - quietSince < hangSeconds * 1000) return;
      const length = Atomics.load(counters, INPUT_LENGTH);
      const path = join(OUT_DIR, `hang-thread${index}-input${beat - 1}.bin`);
      writeFileSync(path, new Uint8Array(shared, INPUT_BYTES, length));
      console.error(`HANG: thread ${index} made no progress for ${hangSeconds} s on input ${beat - 1}; saved ${path}`);
      void worker.terminate();
      finish({ summary: undefined, crashes: 0, hung: true });
    }, 1000);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        progress(message.done);
        return;
      }
      message.findings.forEach((finding) => {
        const path = join(OUT_DIR, `crash-thread${index}-input${finding.index}.bin`);
        writeFileSync(path, finding.input);
        console.error(`CRASH: thread ${index} input ${finding.index} (saved ${path}):\n${finding.error}`);
      });
      finish({ summary: message.summary, crashes: message.summary.findings, hung: false });
    });
    worker.on('error', (error) => {
      console.error(`CRASH: thread ${index} died: ${error.stack ?? error.message}`);
      finish({ summary: undefined, crashes: 1, hung: false });
    });
    worker.on('exit', (code) => {
      if (!settled) console.error(`CRASH: thread ${index} exited with code ${code} before finishing`);
      finish({ summary: undefined, crashes: 1, hung: false });
    });
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      inputs: { type: 'string', default: '1M' },
      seed: { type: 'string', default: '20261121' },
      threads: { type: 'string', default: '1' },
      'hang-seconds': { type: 'string', default: '10' },
    },
  });
  const inputs = parseQuantity(values.inputs, 1000);
  const threads = Math.max(1, Number(values.threads));
  const seed = Number(values.seed);
  const hangSeconds = Number(values['hang-seconds']);
  mkdirSync(OUT_DIR, { recursive: true });
  console.log(
    `Fuzzing the capture readers and decoders: ${inputs.toLocaleString('en')} mutated inputs, seed ${seed}, ${threads} thread(s), hang after ${hangSeconds} s`,
  );

  const started = performance.now();
  const done = new Array<number>(threads).fill(0);
  let lastPrint = 0;
  const outcomes = await Promise.all(
    Array.from({ length: threads }, (_thread, index) => {
      const share = Math.floor(inputs / threads) + (index < inputs % threads ? 1 : 0);
      return runThread(index, { seed: seed + index, inputs: share, demoPath: DEMO }, hangSeconds, (count) => {
        done[index] = count;
        const now = performance.now();
        if (now - lastPrint < 10_000) return;
        lastPrint = now;
        const total = done.reduce((sum, value) => sum + value, 0);
        const seconds = (now - started) / 1000;
        console.log(
          `  ${total.toLocaleString('en')} inputs, ${seconds.toFixed(0)} s, ${Math.round(total / seconds).toLocaleString('en')} inputs/s`,
        );
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;

  const summaries = outcomes.flatMap((outcome) => (outcome.summary === undefined ? [] : [outcome.summary]));
  const ran = summaries.reduce((sum, summary) => sum + summary.inputs, 0);
  const crashes = outcomes.reduce((sum, outcome) => sum + outcome.crashes, 0);
  const hangs = outcomes.filter((outcome) => outcome.hung).length;
  const problems = new Map<string, number>();
  for (const summary of summaries)
    for (const [name, count] of summary.problems) problems.set(name, (problems.get(name) ?? 0) + count);
  const results = summaries.reduce((bits, summary) => bits | summary.results, 0);
  const reached = DECODE_RESULT_NAMES.filter((_name, code) => (results & (1 << code)) !== 0);

  console.log('');
  console.log(
    `inputs        ${ran.toLocaleString('en')} in ${seconds.toFixed(1)} s: ${Math.round(ran / seconds).toLocaleString('en')} inputs/s`,
  );
  console.log(
    `bytes         ${(summaries.reduce((sum, summary) => sum + summary.bytes, 0) / 1e6).toFixed(1)} MB read, ${summaries.reduce((sum, summary) => sum + summary.frames, 0).toLocaleString('en')} frames decoded`,
  );
  console.log(`crashes       ${crashes}`);
  console.log(`hangs         ${hangs}`);
  console.log(
    `signatures    ${summaries.reduce((sum, summary) => sum + summary.signatures, 0).toLocaleString('en')} distinct outcomes (per thread, summed)`,
  );
  console.log(
    `reader        ${[...problems]
      .sort((a, b) => b[1] - a[1])
      .map(([name, count]) => `${name} ${count.toLocaleString('en')}`)
      .join(', ')}`,
  );
  console.log(
    `decoders      ${reached.length} of ${DECODE_RESULT_NAMES.length} results reached: ${reached.join(', ')}`,
  );
  return crashes === 0 && hangs === 0 && ran === inputs ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);

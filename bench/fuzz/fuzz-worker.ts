/**
 * One fuzzing thread of `npm run bench:fuzz`. Before each input runs, it copies the input into the
 * shared buffer and bumps the heartbeat there, so the main thread can tell a hang (no heartbeat for
 * seconds) and save the input that caused it even though this thread is stuck.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { captureTarget } from './capture-target';
import { fuzz, type FuzzReport } from './fuzz-loop';
import { seedCorpus } from './seed-corpus';
import { HEARTBEAT, INPUT_BYTES, INPUT_LENGTH, type WorkerStart, type WorkerMessage } from './worker-protocol';

const port = parentPort;
if (port === null) throw new Error('fuzz-worker runs as a worker thread');
const start = workerData as WorkerStart;
const counters = new Int32Array(start.shared, 0, 2);
const bytes = new Uint8Array(start.shared, INPUT_BYTES);

const summary = (report: FuzzReport) => ({
  inputs: report.inputs,
  bytes: report.bytes,
  frames: report.frames,
  findings: report.findings,
  signatures: report.signatures.size,
  results: report.results,
  problems: [...report.problems],
});

const report = fuzz(seedCorpus(start.demoPath), captureTarget(), {
  inputs: start.inputs,
  seed: start.seed,
  onInput: (input) => {
    const length = Math.min(input.length, bytes.length);
    bytes.set(input.subarray(0, length));
    Atomics.store(counters, INPUT_LENGTH, length);
    Atomics.add(counters, HEARTBEAT, 1);
  },
  onProgress: (done, progress) =>
    port.postMessage({ type: 'progress', done, summary: summary(progress) } satisfies WorkerMessage),
});
port.postMessage({
  type: 'done',
  summary: summary(report),
  findings: report.kept.map((finding) => ({ index: finding.index, error: finding.error, input: finding.input })),
} satisfies WorkerMessage);

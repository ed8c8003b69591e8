// `wirewatch train --baseline` learns a model into the data folder, and `analyze` then uses it (or says why not).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import { loadModel } from '../engine/models/model-load';
import { inferenceWorkerBundle, removeInferenceWorkerBundle } from '../testing/inference-worker-bundle';
import { captureOutput } from '../testing/captured-output';
import { analyzeCommand } from './analyze';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DEMO = join(ROOT, 'resources', 'demo', 'demo.pcap');
const output = captureOutput();
let dir: string;
let workerPath: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-train-'));
  workerPath = await inferenceWorkerBundle();
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await removeInferenceWorkerBundle();
});

const analyze = (args: readonly string[]) =>
  analyzeCommand(args, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: process.stderr,
    models: { shippedDir: join(ROOT, 'models'), workerPath },
  });

// Real training, real onnxruntime and a real worker thread: slower than a unit test on a busy 2-core machine.
describe('wirewatch train', { timeout: 60_000 }, () => {
  it('should learn a baseline model into the data folder, the same bytes each time', async () => {
    const data = join(dir, 'data');
    expect(await runCli(['train', '--baseline', DEMO, '--data', data])).toBe(0);
    expect(output.stdout()).toMatch(/^Learnt baseline from 1,4\d\d flows of 1 capture\(s\) in [\d.]+ s\n/);
    expect(output.stdout()).toMatch(/alerts when a source or target has \d+ flows scoring ≥ 0\.\d+ within 60 s/);
    const model = await loadModel(join(data, 'models', 'baseline.json'));
    expect(model.manifest.type).toBe('anomaly');
    const [file] = model.manifest.training.files;
    expect(model.manifest.training.files).toHaveLength(1);
    expect(file?.name).toBe('demo.pcap');
    expect(file?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file?.truthSha256).toBeNull();
    // Two files after one --baseline are two captures (here the same one twice: twice the flows).
    expect(await runCli(['train', '--baseline', DEMO, DEMO, '--out', join(dir, 'twice')])).toBe(0);
    expect(output.stdout()).toMatch(/Learnt baseline from 2,8\d\d flows of 2 capture\(s\)/);
    expect(await runCli(['train', '--baseline', DEMO, '--out', join(dir, 'again')])).toBe(0);
    const first = await readFile(join(data, 'models', 'baseline.onnx'));
    const second = await readFile(join(dir, 'again', 'baseline.onnx'));
    expect(first.equals(second)).toBe(true);
  });

  it('should have analyze use the learnt model beside the shipped ones, quietly on its own baseline', async () => {
    const data = join(dir, 'data');
    expect(await analyze([DEMO, '--json', '--data', data])).toBe(0);
    expect(output.stderr()).toBe('');
    const alerts = output
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { kind: string; detector: string });
    expect(alerts.map((alert) => alert.kind).sort()).toEqual(['brute_force', 'dns_tunnel', 'port_scan']);
  });

  it('should refuse a user model whose manifest no longer matches it, and analyse on', async () => {
    const data = join(dir, 'tampered');
    expect(await runCli(['train', '--baseline', DEMO, '--data', data, '--name', 'mine'])).toBe(0);
    await writeFile(join(data, 'models', 'mine.onnx'), 'not the model the manifest hashed');
    expect(await analyze([DEMO, '--json', '--data', data])).toBe(0);
    expect(output.stderr()).toMatch(
      /^wirewatch analyze: model mine \(.*mine\.json\) was refused: mine\.onnx has sha256 [0-9a-f]{12}…, the manifest expects [0-9a-f]{12}… \(the model was changed or replaced\)\n$/,
    );
    const alerts = output
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{'));
    expect(alerts).toHaveLength(3);
  });

  it('should say what is missing from the command line', async () => {
    expect(await runCli(['train'])).toBe(2);
    expect(output.stderr()).toBe(
      'wirewatch train: name at least one capture of normal traffic with --baseline FILE (see wirewatch train --help)\n',
    );
    expect(await runCli(['train', '--baseline', DEMO, '--name', 'Bad Name'])).toBe(2);
    expect(await runCli(['train', DEMO])).toBe(2);
  });

  it('should fail with one line for a file that is not a capture', async () => {
    const notCapture = join(dir, 'notes.txt');
    await writeFile(notCapture, 'hello, this is not a capture file at all');
    expect(await runCli(['train', '--baseline', notCapture, '--out', join(dir, 'none')])).toBe(1);
    expect(output.stderr()).toMatch(/^wirewatch train: .*\n$/);
  });
});

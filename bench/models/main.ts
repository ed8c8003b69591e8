/**
 * `npm run bench:models [-- CORPUS]`: what the models cost. Prints, on a lab corpus's flows
 * (default $WIREWATCH_LAB_CORPUS, else e2e/lab/out):
 * - training time of both models and their ONNX sizes;
 * - scoring throughput through the real inference worker (dist/main/inference-worker.cjs, so run
 *   `npm run build` first), batches of 512, both shipped models, explanations included;
 * - the peer: scikit-learn's IsolationForest.score_samples on the same rows (Debian's
 *   python3-sklearn), and our own TypeScript traversal of the forest, as ratios.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildFlowDataset } from '../../main/engine/models/flow-dataset';
import { InferenceClient } from '../../main/engine/models/inference-client';
import { anomalyScores } from '../../main/engine/models/isolation-forest';
import { labCorpus } from '../../main/engine/models/lab-corpus';
import { MODEL_FEATURES } from '../../main/engine/models/model-features';
import { scanModels } from '../../main/engine/models/model-load';
import { trainAnomalyModel } from '../../main/engine/models/train-anomaly';
import { trainClassifierModel } from '../../main/engine/models/train-classifier';

const BATCH = 512;

function rate(count: number, ms: number): string {
  return `${Math.round((count * 1000) / ms).toLocaleString('en-US')} flows/s`;
}

async function main(): Promise<void> {
  const corpus = process.argv[2] ?? process.env.WIREWATCH_LAB_CORPUS ?? 'e2e/lab/out';
  const dataset = await buildFlowDataset(await labCorpus(corpus), MODEL_FEATURES);
  const width = MODEL_FEATURES.length;
  console.log(`corpus ${corpus}: ${dataset.count.toLocaleString('en-US')} flows, ${dataset.files.length} captures`);

  let started = performance.now();
  const anomaly = trainAnomalyModel(dataset, {
    name: 'bench-anomaly',
    description: '',
    trainingDescription: '',
    seed: 1,
  });
  console.log(
    `train isolation forest   ${Math.round(performance.now() - started)} ms, ONNX ${anomaly.onnx.length.toLocaleString('en-US')} bytes`,
  );
  started = performance.now();
  const classifier = trainClassifierModel(dataset, {
    name: 'bench-classifier',
    description: '',
    trainingDescription: '',
    seed: 1,
  });
  console.log(
    `train random forest      ${Math.round(performance.now() - started)} ms, ONNX ${classifier.onnx.length.toLocaleString('en-US')} bytes`,
  );

  const { loaded } = await scanModels([{ path: resolve('models'), origin: 'shipped' }]);
  const workerPath = resolve('dist', 'main', 'inference-worker.cjs');
  const measure = async (names: readonly string[]): Promise<number> => {
    const models = loaded.filter((model) => names.includes(model.manifest.name));
    const client = new InferenceClient(
      workerPath,
      models.map((model) => ({ manifest: model.manifest, bytes: model.bytes, input: 0 })),
    );
    await client.ready();
    const begin = performance.now();
    const pending: Promise<unknown>[] = [];
    for (let start = 0; start < dataset.count; start += BATCH) {
      const count = Math.min(BATCH, dataset.count - start);
      pending.push(client.score([dataset.rows.slice(start * width, (start + count) * width)], count));
    }
    await Promise.all(pending);
    const ms = performance.now() - begin;
    await client.close();
    return ms;
  };
  const both = await measure(['lab-anomaly', 'lab-classifier']);
  const iforest = await measure(['lab-anomaly']);
  console.log(`onnxruntime worker, both models         ${rate(dataset.count, both)}`);
  console.log(`onnxruntime worker, isolation forest    ${rate(dataset.count, iforest)}`);

  started = performance.now();
  anomalyScores(anomaly.forest, dataset.rows);
  const ts = performance.now() - started;
  console.log(
    `TypeScript traversal, isolation forest  ${rate(dataset.count, ts)}  (worker is ${(ts / iforest).toFixed(2)}× as fast)`,
  );

  const folder = mkdtempSync(join(tmpdir(), 'ww-bench-models-'));
  try {
    const lines: string[] = [];
    for (let row = 0; row < dataset.count; row++)
      lines.push(Array.from(dataset.rows.subarray(row * width, (row + 1) * width)).join(','));
    writeFileSync(join(folder, 'rows.csv'), `${lines.join('\n')}\n`);
    const script = [
      'import sys, time, numpy as np',
      'from sklearn.ensemble import IsolationForest',
      'rows = np.loadtxt(sys.argv[1], delimiter=",", dtype=np.float32)',
      'model = IsolationForest(n_estimators=100, max_samples=256, random_state=0).fit(rows)',
      'best = min((lambda t: (model.score_samples(rows), time.perf_counter() - t)[1])(time.perf_counter()) for _ in range(3))',
      'print(best * 1000)',
    ].join('\n');
    const python = ['/usr/bin/python3', 'python3'].find(
      (candidate) => spawnSync(candidate, ['-c', 'import sklearn']).status === 0,
    );
    if (python === undefined) {
      console.log('scikit-learn: no python3 with sklearn (apt-get install python3-sklearn); peer not measured');
      process.exitCode = 1;
      return;
    }
    // One thread, as the inference worker's session has.
    const run = spawnSync(python, ['-c', script, join(folder, 'rows.csv')], {
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
    });
    const ms = Number(run.stdout.trim());
    console.log(
      `scikit-learn score_samples (1 core)      ${rate(dataset.count, ms)}  (worker is ${(ms / iforest).toFixed(2)}× as fast)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

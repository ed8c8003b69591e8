/** `wirewatch train --baseline FILE…`: this network's normal, learnt from the user's own captures. */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../app/data-dir';
import { buildFlowDataset } from '../engine/models/flow-dataset';
import { MODEL_FEATURES } from '../engine/models/model-features';
import { userModelsDir } from '../engine/models/model-load';
import { trainAnomalyModel } from '../engine/models/train-anomaly';
import { writeModel } from '../engine/models/write-model';
import { CaptureFileError } from '../engine/sources/inspect';
import { EXIT, UsageError } from './usage-error';

export interface TrainContext {
  readonly out: (line: string) => void;
  readonly err: NodeJS.WritableStream;
}

export async function trainCommand(argv: readonly string[], context: TrainContext): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      baseline: { type: 'string', multiple: true },
      out: { type: 'string' },
      name: { type: 'string', default: 'baseline' },
      data: { type: 'string' },
      seed: { type: 'string', default: '1' },
    },
    strict: true,
    allowPositionals: true,
  });
  // `--baseline a.pcap b.pcap` reads as a list, as the help's `--baseline FILE...` says; so does `--baseline a --baseline b`.
  if (values.baseline === undefined && positionals.length > 0) {
    throw new UsageError(`unexpected "${positionals[0] ?? ''}": name captures with --baseline FILE`);
  }
  const captures = [...(values.baseline ?? []), ...positionals];
  if (captures.length === 0) throw new UsageError('name at least one capture of normal traffic with --baseline FILE');
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(values.name)) {
    throw new UsageError(`--name must be 1–64 of a-z, 0-9, _ and -, not "${values.name}"`);
  }
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not "${values.seed}"`);
  const folder = values.out ?? userModelsDir(values.data ?? defaultDataDir());

  const started = performance.now();
  let dataset;
  try {
    dataset = await buildFlowDataset(
      captures.map((capture) => ({ capture: resolve(capture), truthPath: null })),
      MODEL_FEATURES,
    );
  } catch (error) {
    if (error instanceof CaptureFileError) {
      context.err.write(`wirewatch train: ${error.message}\n`);
      return EXIT.failure;
    }
    throw error;
  }
  if (dataset.count < 2) {
    context.err.write(
      `wirewatch train: the baseline holds ${dataset.count} flows; at least 2 are needed to learn from\n`,
    );
    return EXIT.failure;
  }
  const model = trainAnomalyModel(dataset, {
    name: values.name,
    seed,
    description: `This network's normal traffic, learnt by \`wirewatch train\` from ${captures.length} capture(s): flags sources or targets with many flows unlike it.`,
    trainingDescription: `${dataset.count} flows of ${dataset.files.map((file) => file.name).join(', ')}, all taken as normal`,
  });
  const written = await writeModel(folder, model);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  context.out(
    `Learnt ${model.manifest.name} from ${dataset.count.toLocaleString('en-US')} flows of ${captures.length} capture(s) in ${seconds} s`,
  );
  context.out(
    `  alerts when a source or target has ${model.manifest.threshold.minFlows} flows scoring ≥ ${model.manifest.threshold.flowScore} within ${model.manifest.threshold.windowSeconds} s`,
  );
  context.out(`  model     ${written.onnx} (${model.onnx.length.toLocaleString('en-US')} bytes)`);
  context.out(`  manifest  ${written.manifest}`);
  return EXIT.ok;
}

/**
 * Entry of an analysis worker thread: runs the packet engine over one file and reports to main.
 * Flows go back in batches of rows (capped), progress a few times per second, then the summary.
 */
import { parentPort } from 'node:worker_threads';
import type { FlowRow } from '../../../preload/api/analysis';
import type { FlowRecord } from '../flows/flow-record';
import { ruleSet } from '../detect/rule-set';
import { overridesFrom } from '../detect/threshold-catalogue';
import { ThresholdError } from '../detect/thresholds';
import { defaultDataDir } from '../../app/data-dir';
import { setUpModelScoring } from '../models/model-scoring';
import { inferenceWorkerPath, shippedModelsDir } from '../models/model-paths';
import { analyzeCapture } from '../pipeline';
import { CaptureFileError } from '../sources/inspect';
import { CaptureReadError } from '../sources/capture-read-error';
import {
  FLOW_ROWS_KEPT,
  FLOW_ROWS_PER_MESSAGE,
  type FromAnalysisWorker,
  type ToAnalysisWorker,
} from './analysis-messages';
import { toFlowRow } from './flow-row';

const port = parentPort;
if (port === null) throw new Error('analysis-worker must run in a worker thread');

const send = (message: FromAnalysisWorker): void => port.postMessage(message);
const controller = new AbortController();

async function run(
  id: string,
  path: string,
  thresholds: Readonly<Record<string, string>>,
  dataDir: string | undefined,
): Promise<void> {
  let pending: FlowRow[] = [];
  let kept = 0;
  const flush = (): void => {
    if (pending.length === 0) return;
    send({ type: 'flows', rows: pending });
    pending = [];
  };
  const keep = (flow: FlowRecord): void => {
    if (kept >= FLOW_ROWS_KEPT) return;
    kept += 1;
    pending.push(toFlowRow(flow));
    if (pending.length >= FLOW_ROWS_PER_MESSAGE) flush();
  };
  try {
    // The models score in their own worker thread, started from this one: never on Electron's main thread.
    const models = await setUpModelScoring(
      shippedModelsDir(__dirname),
      dataDir ?? defaultDataDir(),
      inferenceWorkerPath(__dirname),
    );
    const summary = await analyzeCapture(path, {
      signal: controller.signal,
      detection: {
        origin: { type: 'file', path },
        detectors: [...ruleSet(overridesFrom(thresholds)), ...models.detectors],
        onAlerts: (alerts) => send({ type: 'alerts', alerts }),
      },
      onProgress: (progress) => send({ type: 'progress', progress: { id, ...progress } }),
      onFlow: keep,
    });
    flush();
    send({ type: 'finished', summary: { ...summary, warnings: [...models.warnings, ...(summary.warnings ?? [])] } });
  } catch (error) {
    const code =
      error instanceof CaptureFileError
        ? error.problem
        : error instanceof CaptureReadError
          ? error.problem
          : error instanceof ThresholdError
            ? 'invalid-threshold'
            : 'internal';
    send({ type: 'failed', code, message: error instanceof Error ? error.message : String(error) });
  }
}

port.on('message', (message: ToAnalysisWorker) => {
  if (message.type === 'cancel') controller.abort();
  else void run(message.id, message.path, message.thresholds, message.dataDir);
});

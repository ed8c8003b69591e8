/**
 * Entry of the live worker thread (dist/main/live-worker.cjs): runs one LiveCapture, so decoding,
 * flows and detection of live traffic never run on the app's main thread. It starts and
 * supervises the capture helper process itself (worker threads may spawn processes; only `cap`
 * cannot be loaded in them) and reports figures, alerts and gaps to main.
 */
import { parentPort } from 'node:worker_threads';
import { ruleSet } from '../engine/detect/rule-set';
import { overridesFrom } from '../engine/detect/threshold-catalogue';
import { LIVE_MAX_QUEUED_FLOWS } from '../engine/models/model-detector';
import { setUpModelScoring } from '../engine/models/model-scoring';
import { inferenceWorkerPath, shippedModelsDir } from '../engine/models/model-paths';
import { CaptureStartError } from './capture-problem';
import { LiveCapture } from './live-capture';
import type { FromLiveWorker, ToLiveWorker } from './live-worker-messages';
import { sessionFileNames } from './pcapng-session-writer';

const port = parentPort;
if (port === null) throw new Error('live-worker must run in a worker thread');

const send = (message: FromLiveWorker): void => port.postMessage(message);
let capture: LiveCapture | undefined;

async function start(message: Extract<ToLiveWorker, { type: 'start' }>): Promise<void> {
  try {
    // The models score in their own worker thread, started from this one, as for file analysis.
    const models = await setUpModelScoring(
      shippedModelsDir(__dirname),
      message.dataDir,
      inferenceWorkerPath(__dirname),
      { maxQueuedFlows: LIVE_MAX_QUEUED_FLOWS },
    );
    for (const warning of models.warnings) send({ type: 'warning', message: warning });
    capture = await LiveCapture.start({
      launch: { script: message.helper, launcher: message.launcher },
      config: message.config,
      detectors: [...ruleSet(overridesFrom(message.thresholds)), ...models.detectors],
      save:
        message.save === null
          ? null
          : {
              fileName: sessionFileNames(message.save.folder, message.config.interface),
              rotateBytes: message.save.rotateBytes,
            },
      onAlerts: (alerts) => send({ type: 'alerts', alerts }),
      onTick: (tick) => send({ type: 'tick', tick }),
      onGap: (gap) => send({ type: 'gap', gap, helperPid: capture?.helperPid ?? null }),
      onFailed: (problem) => send({ type: 'failed', problem }),
    });
    send({ type: 'started', helperPid: capture.helperPid ?? null });
  } catch (error) {
    const problem =
      error instanceof CaptureStartError
        ? error.problem
        : { code: 'capture-failed', message: error instanceof Error ? error.message : String(error), fix: null };
    send({ type: 'start-failed', problem });
  }
}

async function stop(): Promise<void> {
  const running = capture;
  capture = undefined;
  if (running === undefined) {
    send({ type: 'stopped', counters: emptyCounters(), gaps: [], files: [], summary: null });
    return;
  }
  const result = await running.stop();
  for (const warning of result.warnings) send({ type: 'warning', message: warning });
  send({
    type: 'stopped',
    counters: result.counters,
    gaps: result.gaps,
    files: result.files,
    summary: result.summary,
  });
}

function emptyCounters(): Extract<FromLiveWorker, { type: 'stopped' }>['counters'] {
  return { seen: 0, bytes: 0, kernelDropped: null, interfaceDropped: null, wirewatchDropped: 0, restarts: 0 };
}

port.on('message', (message: ToLiveWorker) => {
  switch (message.type) {
    case 'start':
      void start(message);
      return;
    case 'stop':
      void stop();
      return;
    case 'evidence':
      send({ type: 'evidence', id: message.id, result: capture?.evidence?.packetsOf(message.query) ?? null });
      return;
    case 'record-baseline': {
      if (capture === undefined) return;
      const recording = capture.recordBaseline(message.folder, message.seconds);
      send({ type: 'baseline-started', file: recording.file });
      void recording.done.then((files) => send({ type: 'baseline-recorded', files }));
      return;
    }
  }
});

// Live model scoring cannot hold the wire back: when flows close faster than the real inference
// worker scores them, the flows waiting for it stay bounded, the oldest are dropped and counted.
import { describe, expect, it } from 'vitest';
import { modelDetector } from '../engine/models/model-detector';
import { useShippedModels } from '../testing/inference-worker-bundle';
import { LivePipeline } from './live-pipeline';
import { batchOf } from './testing/frame-batches';
import { tcpFrame } from './testing/tcp-frames';
import { ZERO_COUNTERS } from './testing/zero-counters';

const T0 = 1_700_000_000;

const shipped = useShippedModels();

/** `flows` unanswered SYNs to as many ports: each flow stays open until its idle timeout. */
function probes(flows: number): ReturnType<typeof batchOf> {
  const frames = [];
  for (let port = 1; port <= flows; port++) {
    frames.push({
      time: T0 + port * 0.001,
      bytes: tcpFrame({ src: '10.77.51.2', dst: '10.77.51.1', srcPort: 40000, dstPort: port, flags: 0x02 }),
    });
  }
  return batchOf(frames);
}

function pipelineWith(maxQueuedFlows?: number): LivePipeline {
  return new LivePipeline({
    detection: {
      origin: { type: 'live', interface: 'lo' },
      // Four flows a batch, one batch with the worker, eight flows waiting: a small bound to overrun.
      detectors: [
        modelDetector({
          models: shipped.models(),
          workerPath: shipped.workerPath(),
          batchSize: 4,
          maxInFlight: 1,
          ...(maxQueuedFlows === undefined ? {} : { maxQueuedFlows }),
        }),
      ],
    },
    flows: { idleTimeout: 5 },
  });
}

describe('live model scoring backlog', { timeout: 60_000 }, () => {
  it('should drop the oldest waiting flows past the bound, count them and say so in the live figures', async () => {
    const pipeline = pipelineWith(8);
    pipeline.addBatch(probes(100));
    expect(pipeline.tick(T0 + 1, ZERO_COUNTERS).warnings).toEqual([]);
    // The timer closes all 100 at once: 4 go to the worker, 8 wait, the 88 before them are dropped.
    const behind = pipeline.tick(T0 + 10, ZERO_COUNTERS);
    expect(behind.closedFlows).toBe(100);
    expect(behind.warnings).toEqual([
      'model scoring fell behind the traffic: 88 flows were dropped unscored (more than 8 waiting); the rules saw them all',
    ]);
    await pipeline.finish();
    // The 12 kept were scored; nothing more was dropped on the way out.
    expect(pipeline.warnings()).toEqual(behind.warnings);
  });

  it('should score every flow still open when the capture ends, however many close at once', async () => {
    const pipeline = pipelineWith(8);
    pipeline.addBatch(probes(100));
    await pipeline.finish();
    expect(pipeline.warnings()).toEqual([]);
    expect(pipeline.tick(T0 + 10, ZERO_COUNTERS).closedFlows).toBe(100);
  });

  it('should keep every flow waiting when no bound is set, as a file analysis does', async () => {
    const pipeline = pipelineWith();
    pipeline.addBatch(probes(100));
    pipeline.tick(T0 + 10, ZERO_COUNTERS);
    await pipeline.finish();
    expect(pipeline.warnings()).toEqual([]);
  });
});

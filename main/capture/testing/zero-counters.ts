/** Capture counters for specs that feed a LivePipeline batches directly: nothing seen or dropped yet. */
import type { CaptureCounters } from '../../../preload/api/capture';

export const ZERO_COUNTERS: CaptureCounters = {
  seen: 0,
  bytes: 0,
  kernelDropped: 0,
  interfaceDropped: 0,
  wirewatchDropped: 0,
  restarts: 0,
};

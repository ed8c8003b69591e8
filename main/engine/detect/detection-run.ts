/**
 * Sets up detection for one run of the engine, file or live: the incident book for the traffic's
 * origin, the detectors (the rule set unless the caller names others, models included) reporting
 * into it, and the hand-over of new and grown alerts. File analysis and live capture both start
 * here, so whatever joins detection (a model, a suppression) joins it for both.
 */
import type { Alert } from '../../../preload/api/alerts';
import type { DetectionOptions } from '../pipeline';
import type { Detector } from './detector';
import { IncidentBook } from './incident-book';
import { RULES } from './rule-set';

export interface DetectionRun {
  /** The detectors, to run as packet observers. */
  readonly detectors: readonly Detector[];
  /** Hands alerts opened or grown since the last call to `onAlerts`; a no-op when nothing changed. */
  handOver(): void;
  /** Every alert of the run so far. */
  all(): Alert[];
}

export function startDetection(options: DetectionOptions): DetectionRun {
  const book = new IncidentBook(options.origin);
  const detectors = (options.detectors ?? RULES).map((factory) => factory((detection) => book.add(detection)));
  return {
    detectors,
    handOver: () => {
      const changed = book.takeChanged();
      if (changed.length > 0) options.onAlerts?.(changed);
    },
    all: () => book.all(),
  };
}

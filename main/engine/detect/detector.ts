/**
 * A detector watches packets and flows (the pipeline's PacketObserver hook) and reports
 * detections. Rules live in rules/, one file each; each documents its thresholds and why.
 *
 * Detectors run in the hot path: onPacket must return quickly for packets it does not care about
 * (check a number or two first), allocate nothing per packet where it can, and keep its state
 * bounded (windows expire on capture time; per-key tables have caps).
 */
import type { PacketObserver } from '../pipeline';
import type { DetectionSink } from './detection';

export interface Detector extends PacketObserver {
  /** `rule:<name>` or `model:<name>`. */
  readonly name: string;
}

/** Builds a detector that reports to `emit`. */
export type DetectorFactory = (emit: DetectionSink) => Detector;

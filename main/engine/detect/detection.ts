/**
 * What a detector reports. A detection is one observation ("10.77.0.9 probed 120 ports on 10.77.0.2
 * within 10 s"); the incident book folds repeated detections of the same (kind, source, target) into
 * one growing alert instead of a storm.
 */
import type { AlertKind, Severity } from '../../../preload/api/alerts';

export interface Detection {
  readonly kind: AlertKind;
  readonly severity: Severity;
  /** Source address as text, or null where there are many (spoofed floods). */
  readonly src: string | null;
  /** Target address as text, or null where there are many (sweeps). */
  readonly dst: string | null;
  /** Capture time (epoch seconds) of the first and last packet the detection covers. */
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** 0..1: how sure, or how far past the threshold. */
  readonly score: number;
  /** `rule:<name>` or `model:<name>`. */
  readonly detector: string;
  /** One human sentence with the numbers that triggered it. */
  readonly summary: string;
  /** Counts, top ports/hosts, flow ids: plain JSON. */
  readonly evidence: Readonly<Record<string, unknown>>;
}

export type DetectionSink = (detection: Detection) => void;

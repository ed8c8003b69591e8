/** Messages between main's CaptureService and the live worker thread (plain data only). */
import type { Alert } from '../../preload/api/alerts';
import type { AnalysisSummary } from '../../preload/api/analysis';
import type { CaptureCounters, CaptureGap, CaptureProblem, CaptureTick } from '../../preload/api/capture';
import type { ThresholdAssignments } from '../engine/detect/threshold-catalogue';
import type { HelperConfig } from './helper-protocol';
import type { EvidencePackets, EvidenceQuery } from './packet-ring';

export type ToLiveWorker =
  | {
      readonly type: 'start';
      readonly config: HelperConfig;
      /** Rule thresholds set in Settings (detect/threshold-catalogue.ts). */
      readonly thresholds: ThresholdAssignments;
      /** The data folder, for the user's own models (`wirewatch train --baseline`); null: shipped models only. */
      readonly dataDir: string | null;
      readonly helper: string;
      readonly launcher: readonly string[];
      readonly save: { readonly folder: string; readonly rotateBytes: number } | null;
    }
  | { readonly type: 'stop' }
  | { readonly type: 'evidence'; readonly id: number; readonly query: EvidenceQuery }
  | { readonly type: 'record-baseline'; readonly folder: string; readonly seconds: number };

export type FromLiveWorker =
  | { readonly type: 'started'; readonly helperPid: number | null }
  | { readonly type: 'start-failed'; readonly problem: CaptureProblem }
  | { readonly type: 'tick'; readonly tick: CaptureTick }
  | { readonly type: 'alerts'; readonly alerts: readonly Alert[] }
  | { readonly type: 'gap'; readonly gap: CaptureGap; readonly helperPid: number | null }
  | { readonly type: 'failed'; readonly problem: CaptureProblem }
  /** Something that does not stop the capture (a model refused, scoring failed). */
  | { readonly type: 'warning'; readonly message: string }
  | {
      readonly type: 'stopped';
      readonly counters: CaptureCounters;
      readonly gaps: readonly CaptureGap[];
      readonly files: readonly string[];
      /** The session in figures, for its report; null when no capture ran. */
      readonly summary: AnalysisSummary | null;
    }
  | { readonly type: 'evidence'; readonly id: number; readonly result: EvidencePackets | null }
  | { readonly type: 'baseline-started'; readonly file: string }
  | { readonly type: 'baseline-recorded'; readonly files: readonly string[] };

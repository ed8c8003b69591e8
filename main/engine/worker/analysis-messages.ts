/** Messages between main and an analysis worker thread (structured-clone safe: plain data only). */
import type { Alert } from '../../../preload/api/alerts';
import type { AnalysisProgress, AnalysisSummary, FlowRow } from '../../../preload/api/analysis';

export type ToAnalysisWorker =
  | {
      readonly type: 'start';
      readonly id: string;
      readonly path: string;
      /** Rule thresholds set in Settings, `rule.path` → value text (see detect/threshold-catalogue.ts). */
      readonly thresholds: Readonly<Record<string, string>>;
      /** The data folder whose `models/` holds the user's own models; the app's default folder when absent. */
      readonly dataDir?: string;
    }
  | { readonly type: 'cancel' };

export type FromAnalysisWorker =
  | { readonly type: 'progress'; readonly progress: AnalysisProgress }
  /** Flows in batches as they close; the total is capped (see FLOW_ROWS_KEPT). */
  | { readonly type: 'flows'; readonly rows: readonly FlowRow[] }
  /** New and grown alerts, after a batch of packets. */
  | { readonly type: 'alerts'; readonly alerts: readonly Alert[] }
  | { readonly type: 'finished'; readonly summary: AnalysisSummary }
  | { readonly type: 'failed'; readonly code: string; readonly message: string };

/** How many flow rows an analysis hands to the window; the CLI's CSV export writes every flow. */
export const FLOW_ROWS_KEPT = 200_000;
/** Rows per message, so a worker never builds one huge message. */
export const FLOW_ROWS_PER_MESSAGE = 5_000;

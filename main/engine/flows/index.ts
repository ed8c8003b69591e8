/** The flow table's public surface, for the pipeline, detectors, the CLI and the renderer's contract. */
export { FlowTable, type FlowTableCounters } from './flow-table';
export {
  DEFAULT_ACTIVE_TIMEOUT,
  DEFAULT_ACTIVITY_THRESHOLD,
  DEFAULT_IDLE_TIMEOUT,
  DEFAULT_MAX_FLOWS,
  type FlowTableOptions,
} from './flow-options';
export type { FlowFeatures, FlowIdentity, FlowRecord } from './flow-record';
export { CLOSE_REASONS, type CloseReason } from './close-reason';
export {
  FLOW_COLUMNS,
  FLOW_FEATURES,
  FLOW_IDENTITY_COLUMNS,
  type FlowColumn,
  type FlowFeatureName,
  type FlowIdentityName,
} from './flow-columns';
export { CSV_LINE_END, csvField, flowCsvHeader, flowToCsvRow } from './flow-csv';
export { FlowCsvWriter } from './flow-csv-writer';

/**
 * The renderer's local store (IndexedDB through Dexie): alerts, analyses, contacts and display
 * settings. Each schema change is a new `version()` with its upgrade, never an edit of an old one,
 * so a person's stored alerts move forward with the app.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Alert, AnalysisSummary, CaptureFileInfo, Contact, FlowRow } from '../../preload/api';

export type AlertStatus = 'new' | 'acknowledged' | 'resolved';

/** An alert as kept locally: the shared schema plus what the person did with it. */
export interface StoredAlert extends Alert {
  status: AlertStatus;
  /** Epoch milliseconds when this renderer stored it. */
  received_at: number;
}

export type AnalysisStatus = 'running' | 'done' | 'failed';

/** One analysis of a capture file, kept so it can be reopened. */
export interface AnalysisRecord {
  /** The id main gave the analysis. */
  id: string;
  file: CaptureFileInfo;
  status: AnalysisStatus;
  /** Epoch milliseconds. */
  started_at: number;
  finished_at: number | null;
  summary: AnalysisSummary | null;
  /** What went wrong, for failed analyses. */
  error: string | null;
}

/** A flow of an analysis, as its table shows it. */
export interface FlowRecord extends FlowRow {
  analysisId: string;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'wirewatch';

export class WirewatchDatabase extends Dexie {
  alerts!: EntityTable<StoredAlert, 'id'>;
  analyses!: EntityTable<AnalysisRecord, 'id'>;
  flows!: Table<FlowRecord, [string, number]>;
  contacts!: EntityTable<Contact, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Version 1. Indexed fields only; Dexie stores every other field as given.
    this.version(1).stores({
      alerts: 'id, first_seen, last_seen, kind, severity, src, dst, status, received_at',
      analyses: 'id, started_at, status',
      flows: '[analysisId+id], analysisId',
      contacts: 'id, name, enabled',
      settings: 'key',
    });
  }
}

let shared: WirewatchDatabase | undefined;

/** The app's one database connection, opened on first use. */
export function database(): WirewatchDatabase {
  shared ??= new WirewatchDatabase();
  return shared;
}

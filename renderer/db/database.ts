/**
 * The renderer's local store (IndexedDB through Dexie): alerts, analyses, contacts and display
 * settings. Each schema change is a new `version()` with its upgrade, never an edit of an old one,
 * so a person's stored alerts move forward with the app.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Alert, AnalysisSummary, CaptureFileInfo, Contact, FlowRow } from '../../preload/api';
import { alertIndexFields, type AlertIndexFields } from '../alerts/alert-record';

export type AlertStatus = 'new' | 'acknowledged' | 'resolved';

/** An alert as kept locally: the shared schema plus what the person did with it. */
export interface StoredAlert extends Alert, AlertIndexFields {
  status: AlertStatus;
  /** Epoch milliseconds when this renderer stored it. */
  received_at: number;
  /** 1 while an enabled suppression covers it: hidden from the list, back when the suppression goes. */
  suppressed: 0 | 1;
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
    // Version 2: indexes for View Alerts' searches over hundreds of thousands of alerts. Each
    // compound [field+first_seen] index answers "field = x" (or a CIDR block's key range) and sorts
    // by that column with time as the tie-break; words and ports are multi-entry for free text and
    // port search. The upgrade derives the new fields for alerts stored by version 1.
    this.version(2)
      .stores({
        alerts:
          'id, first_seen, last_seen, status, received_at, detector, summary, *ports, *words, ' +
          '[kind+first_seen], [severity_rank+first_seen], [status+first_seen], [origin+first_seen], ' +
          '[suppressed+first_seen], [src_key+first_seen], [dst_key+first_seen]',
      })
      .upgrade(async (tx) => {
        await tx
          .table<StoredAlert, string>('alerts')
          .toCollection()
          .modify((alert) => {
            Object.assign(alert, alertIndexFields(alert), { suppressed: 0 });
          });
      });
  }
}

let shared: WirewatchDatabase | undefined;

/** The app's one database connection, opened on first use. */
export function database(): WirewatchDatabase {
  shared ??= new WirewatchDatabase();
  return shared;
}

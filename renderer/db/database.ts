/**
 * The renderer's local store (IndexedDB through Dexie): alerts, analyses, contacts and display
 * settings. Each schema change is a new `version()` with its upgrade, never an edit of an old one,
 * so a person's stored alerts move forward with the app.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Alert, CaptureFormat, Contact } from '../../preload/api';

export type AlertStatus = 'new' | 'acknowledged' | 'resolved';

/** An alert as kept locally: the shared schema plus what the person did with it. */
export interface StoredAlert extends Alert {
  status: AlertStatus;
  /** Epoch milliseconds when this renderer stored it. */
  received_at: number;
}

export type AnalysisStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface AnalysisRecord {
  id?: number;
  path: string;
  name: string;
  bytes: number;
  format: CaptureFormat;
  status: AnalysisStatus;
  /** Epoch milliseconds. */
  started_at: number;
  finished_at: number | null;
  /** What went wrong, for failed analyses. */
  error: string | null;
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'wirewatch';

export class WirewatchDatabase extends Dexie {
  alerts!: EntityTable<StoredAlert, 'id'>;
  analyses!: EntityTable<AnalysisRecord, 'id'>;
  contacts!: EntityTable<Contact, 'id'>;
  settings!: EntityTable<SettingRecord, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    // Version 1. Indexed fields only; Dexie stores every other field as given.
    this.version(1).stores({
      alerts: 'id, first_seen, last_seen, kind, severity, src, dst, status, received_at',
      analyses: '++id, path, started_at, status',
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

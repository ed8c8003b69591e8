import Dexie from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshIndexedDb, testAlert } from '../alerts/testing';
import { DEFAULT_SORT, EMPTY_FILTER } from '../alerts/alert-filter';
import { queryAlertIds } from '../alerts/alert-query';
import { WirewatchDatabase } from './database';
import { DEFAULT_DISPLAY, readDisplaySettings, writeDisplaySettings } from './settings';

beforeEach(() => {
  freshIndexedDb();
});

/** Schema version 1 exactly as it shipped, to create databases the way an older app left them. */
class VersionOneDatabase extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      alerts: 'id, first_seen, last_seen, kind, severity, src, dst, status, received_at',
      analyses: 'id, started_at, status',
      flows: '[analysisId+id], analysisId',
      contacts: 'id, name, enabled',
      settings: 'key',
    });
  }
}

describe('WirewatchDatabase', () => {
  it('should open with the stores of the latest schema version', async () => {
    const db = new WirewatchDatabase('test');
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(db.tables.map((table) => table.name).sort()).toEqual(
      expect.arrayContaining(['alerts', 'analyses', 'contacts', 'flows', 'settings']),
    );
    db.close();
  });

  it('should keep records across connections', async () => {
    const first = new WirewatchDatabase('test');
    await first.analyses.add({
      id: 'a1',
      file: { path: '/tmp/a.pcap', name: 'a.pcap', bytes: 10, format: 'pcap', byteOrder: 'little' },
      status: 'done',
      started_at: 1,
      finished_at: 2,
      summary: null,
      error: null,
    });
    first.close();
    const second = new WirewatchDatabase('test');
    await expect(second.analyses.get('a1')).resolves.toMatchObject({ file: { name: 'a.pcap' } });
    second.close();
  });
});

describe('migration from schema version 1', () => {
  it('should keep every alert and what the person did, and derive the search fields', async () => {
    const old = new VersionOneDatabase('migrate');
    await old.table('alerts').bulkAdd([
      { ...testAlert('v1-scan'), status: 'acknowledged', received_at: 5 },
      {
        ...testAlert('v1-tunnel', { kind: 'dns_tunnel', src: null, dst: null, evidence: { domain: 'lab.test' } }),
        status: 'new',
        received_at: 6,
      },
    ]);
    await old.table('analyses').add({ id: 'kept', status: 'done' });
    old.close();

    const db = new WirewatchDatabase('migrate');
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(2);
    expect(await db.alerts.count()).toBe(2);
    await expect(db.alerts.get('v1-scan')).resolves.toMatchObject({
      status: 'acknowledged',
      received_at: 5,
      severity_rank: 0,
      src_key: '00000000000000000000ffff0a4d0042',
      origin: 'file:/captures/lab.pcap',
      ports: [22, 80, 443],
      suppressed: 0,
    });
    expect((await db.alerts.get('v1-tunnel'))?.words).toContain('lab.test');
    await expect(db.analyses.get('kept')).resolves.toMatchObject({ status: 'done' });
    // The new indexes answer searches over migrated alerts.
    await expect(queryAlertIds(db, { ...EMPTY_FILTER, src: '10.77.0.0/16' }, DEFAULT_SORT)).resolves.toEqual([
      'v1-scan',
    ]);
    await expect(queryAlertIds(db, { ...EMPTY_FILTER, text: 'lab.te' }, DEFAULT_SORT)).resolves.toEqual(['v1-tunnel']);
    db.close();
  });
});

describe('display settings', () => {
  it('should default, then read back what was written', async () => {
    const db = new WirewatchDatabase('test');
    await expect(readDisplaySettings(db)).resolves.toEqual(DEFAULT_DISPLAY);
    await writeDisplaySettings(db, { timeZone: 'utc' });
    await expect(readDisplaySettings(db)).resolves.toEqual({ timeZone: 'utc', theme: 'system' });
    db.close();
  });

  it('should ignore stored values it does not know', async () => {
    const db = new WirewatchDatabase('test');
    await db.settings.put({ key: 'display', value: { timeZone: 'mars', theme: 42 } });
    await expect(readDisplaySettings(db)).resolves.toEqual(DEFAULT_DISPLAY);
    db.close();
  });
});

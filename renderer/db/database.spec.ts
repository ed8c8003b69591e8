import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { WirewatchDatabase } from './database';
import { DEFAULT_DISPLAY, readDisplaySettings, writeDisplaySettings } from './settings';

beforeEach(() => {
  // A fresh IndexedDB per test, so no test sees another's records.
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

describe('WirewatchDatabase', () => {
  it('should open with the stores of schema version 1', async () => {
    const db = new WirewatchDatabase('test');
    await db.open();
    expect(db.verno).toBe(1);
    expect(db.tables.map((table) => table.name).sort()).toEqual([
      'alerts',
      'analyses',
      'contacts',
      'flows',
      'settings',
    ]);
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

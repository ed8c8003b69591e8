import { beforeEach, describe, expect, it } from 'vitest';
import { WirewatchDatabase } from '../db/database';
import { storeAlerts } from './alert-intake';
import { DEFAULT_RETENTION, pruneAlerts, readRetention, writeRetention } from './alert-retention';
import { freshIndexedDb, testAlert } from './testing';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;

let db: WirewatchDatabase;
beforeEach(() => {
  freshIndexedDb();
  db = new WirewatchDatabase('retention');
});

describe('alert retention', () => {
  it('should default, keep what was written, and refuse nonsense', async () => {
    await expect(readRetention(db)).resolves.toEqual(DEFAULT_RETENTION);
    await writeRetention(db, { maxAgeDays: 7, maxCount: null });
    await expect(readRetention(db)).resolves.toEqual({ maxAgeDays: 7, maxCount: null });
    await expect(writeRetention(db, { maxAgeDays: 0, maxCount: 10 })).rejects.toThrow(RangeError);
    await db.settings.put({ key: 'alert-retention', value: { maxAgeDays: 'forever', maxCount: -3 } });
    await expect(readRetention(db)).resolves.toEqual(DEFAULT_RETENTION);
  });

  it('should delete alerts stored longer ago than the age limit', async () => {
    await storeAlerts(db, [testAlert('old')], NOW - 10 * DAY);
    await storeAlerts(db, [testAlert('recent')], NOW - 2 * DAY);
    await expect(pruneAlerts(db, { maxAgeDays: 7, maxCount: null }, NOW)).resolves.toBe(1);
    expect(await db.alerts.toCollection().primaryKeys()).toEqual(['recent']);
  });

  it('should keep only the newest alerts past the count limit', async () => {
    for (let i = 0; i < 10; i++) await storeAlerts(db, [testAlert(`a${i}`)], NOW + i);
    await expect(pruneAlerts(db, { maxAgeDays: null, maxCount: 4 }, NOW)).resolves.toBe(6);
    expect((await db.alerts.toCollection().primaryKeys()).sort()).toEqual(['a6', 'a7', 'a8', 'a9']);
    await expect(pruneAlerts(db, { maxAgeDays: null, maxCount: 4 }, NOW)).resolves.toBe(0);
  });
});

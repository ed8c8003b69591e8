import { describe, expect, it } from 'vitest';
import { storeAlerts } from './alert-intake';
import { storedOrigins } from './alert-origins';
import { formatTimeInput, parseTimeInput } from './time-input';
import { freshIndexedDb, variedAlerts } from './testing';
import { WirewatchDatabase } from '../db/database';

describe('time inputs', () => {
  it('should read and write datetime-local values in UTC', () => {
    expect(parseTimeInput('2026-11-21T10:00', 'utc')).toBe(Date.UTC(2026, 10, 21, 10) / 1000);
    expect(formatTimeInput(Date.UTC(2026, 10, 21, 10, 0, 5) / 1000, 'utc')).toBe('2026-11-21T10:00:05');
    expect(parseTimeInput(formatTimeInput(1_795_268_663, 'local'), 'local')).toBe(1_795_268_663);
    expect(parseTimeInput('', 'utc')).toBeNull();
    expect(parseTimeInput('tomorrow', 'local')).toBeNull();
    expect(formatTimeInput(null, 'utc')).toBe('');
  });
});

describe('stored origins', () => {
  it('should list each origin once', async () => {
    freshIndexedDb();
    const db = new WirewatchDatabase('origins');
    await storeAlerts(db, variedAlerts());
    await expect(storedOrigins(db)).resolves.toEqual(['file:/captures/lab.pcap', 'live:eth0']);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import type { Suppression } from '../../preload/api';
import { WirewatchDatabase } from '../db/database';
import { DEFAULT_SORT, EMPTY_FILTER } from './alert-filter';
import { storeAlerts } from './alert-intake';
import { queryAlertIds } from './alert-query';
import { applySuppressions } from './suppression-sync';
import { freshIndexedDb, variedAlerts } from './testing';

const suppression = (fields: Partial<Suppression>): Suppression => ({
  id: 's',
  kind: null,
  src: null,
  dst: null,
  port: null,
  detector: null,
  note: '',
  created_at: 0,
  enabled: true,
  ...fields,
});

let db: WirewatchDatabase;
beforeEach(async () => {
  freshIndexedDb();
  db = new WirewatchDatabase('sync');
  await storeAlerts(db, variedAlerts());
});

const shown = (): Promise<string[]> => queryAlertIds(db, EMPTY_FILTER, DEFAULT_SORT);

describe('suppressions over stored alerts', () => {
  it('should hide past alerts a suppression covers, and only those', async () => {
    await expect(applySuppressions(db, [suppression({ kind: 'port_scan', src: '10.77.0.0/24' })])).resolves.toBe(1);
    await expect(shown()).resolves.toEqual(['brute', 'tunnel', 'flood6', 'sweep']);
  });

  it('should match every named field, detector and port included', async () => {
    await applySuppressions(db, [
      suppression({ detector: 'rule:brute_force', port: 22 }),
      suppression({ id: 't', port: 80, dst: '2001:db8:1::/48' }),
    ]);
    await expect(shown()).resolves.toEqual(['scan', 'tunnel', 'sweep']);
  });

  it('should be reversible: removing or disabling a suppression shows its alerts again', async () => {
    const scans = suppression({ kind: 'port_scan' });
    await applySuppressions(db, [scans]);
    await expect(shown()).resolves.not.toContain('scan');
    await expect(applySuppressions(db, [{ ...scans, enabled: false }])).resolves.toBe(1);
    await expect(shown()).resolves.toContain('scan');
    await applySuppressions(db, [scans]);
    await applySuppressions(db, []);
    await expect(shown()).resolves.toHaveLength(5);
    await expect(applySuppressions(db, [])).resolves.toBe(0);
  });
});

/**
 * Applies main's suppression list to the alerts already stored: alerts a suppression covers are
 * marked hidden (`suppressed = 1`), and alerts no suppression covers any more are shown again. Only
 * the alerts whose mark changes are written; candidates are found through the query builder's
 * indexes (kind, address block, port), not by reading every alert.
 */
import { findSuppression, type Suppression } from '../../preload/api';
import type { StoredAlert, WirewatchDatabase } from '../db/database';
import { DEFAULT_SORT, EMPTY_FILTER, type AlertFilter } from './alert-filter';
import { queryAlertIds } from './alert-query';

/** The filter that finds every alert a suppression may cover (detector is checked per record). */
export function suppressionCandidates(suppression: Suppression): AlertFilter {
  return {
    ...EMPTY_FILTER,
    kinds: suppression.kind === null ? [] : [suppression.kind],
    src: suppression.src ?? '',
    dst: suppression.dst ?? '',
    port: suppression.port,
    showSuppressed: true,
  };
}

const CHUNK = 2_000;

/** Brings every stored alert's mark in line with `suppressions`; returns how many changed. */
export async function applySuppressions(db: WirewatchDatabase, suppressions: readonly Suppression[]): Promise<number> {
  const enabled = suppressions.filter((suppression) => suppression.enabled);
  const candidates = new Set<string>();
  for (const suppression of enabled) {
    for (const id of await queryAlertIds(db, suppressionCandidates(suppression), DEFAULT_SORT)) candidates.add(id);
  }
  for (const id of await db.alerts
    .where('[suppressed+first_seen]')
    .between([1, -Infinity], [1, Infinity])
    .primaryKeys()) {
    candidates.add(id);
  }
  const ids = [...candidates];
  let changed = 0;
  for (let start = 0; start < ids.length; start += CHUNK) {
    const chunk = ids.slice(start, start + CHUNK);
    await db.transaction('rw', db.alerts, async () => {
      const records = (await db.alerts.bulkGet(chunk)).filter((record): record is StoredAlert => record !== undefined);
      const updates = records
        .map((record): { record: StoredAlert; suppressed: 0 | 1 } => ({
          record,
          suppressed: findSuppression(enabled, record) === undefined ? 0 : 1,
        }))
        .filter(({ record, suppressed }) => record.suppressed !== suppressed);
      await db.alerts.bulkUpdate(
        updates.map(({ record, suppressed }) => ({ key: record.id, changes: { suppressed } })),
      );
      changed += updates.length;
    });
  }
  return changed;
}

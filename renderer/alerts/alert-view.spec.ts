import { beforeEach, describe, expect, it } from 'vitest';
import { WirewatchDatabase } from '../db/database';
import { ALERT_COLUMNS, DEFAULT_SORT, EMPTY_FILTER, type AlertFilter, type AlertSort } from './alert-filter';
import { storeAlerts } from './alert-intake';
import { onAlertsMutated } from './alert-mutations';
import { buildQueryPlan, firstPageIds, queryAlertIds, sameIds } from './alert-query';
import { AlertView, FIRST_PAGE, refreshGap, MIN_REFRESH_GAP_MS } from './alert-view.svelte';
import type { Timer } from './coalesced-task';
import { freshIndexedDb, testAlert, variedAlerts } from './testing';

let db: WirewatchDatabase;
beforeEach(async () => {
  freshIndexedDb();
  db = new WirewatchDatabase('view');
  await storeAlerts(db, variedAlerts(), 1_000);
});

/** Many alerts, some with equal times, so ties are walked too. */
async function storeMany(count: number): Promise<void> {
  await storeAlerts(
    db,
    Array.from({ length: count }, (_unused, index) =>
      testAlert(`many-${String(index).padStart(4, '0')}`, {
        first_seen: 1_700_000_000 + Math.floor(index / 3),
        summary: `alert ${index % 7}`,
        detector: `rule:${index % 5}`,
      }),
    ),
  );
}

/** Resolves when `test` holds, checking after each turn of the event loop (bounded). */
async function until(test: () => boolean): Promise<void> {
  for (let turn = 0; turn < 500 && !test(); turn++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  expect(test()).toBe(true);
}

/** A timer whose waits the spec releases by hand (the clock then moves past any gap). */
function heldTimer(): Timer & { release(): void } {
  let held: (() => void)[] = [];
  let time = 0;
  return {
    now: () => time,
    setTimeout: (run) => {
      held.push(run);
      return held.length;
    },
    clearTimeout: () => {
      held = [];
    },
    release: () => {
      time += 1_000_000;
      const runs = held;
      held = [];
      runs.forEach((run) => run());
    },
  };
}

describe('the first page', () => {
  it('should list the same ids, in the same order, as the whole view for every column', async () => {
    await storeMany(150);
    await db.alerts.update('many-0149', { suppressed: 1 });
    for (const column of ALERT_COLUMNS) {
      for (const direction of ['ascending', 'descending'] as const) {
        const sort: AlertSort = { column, direction };
        const whole = await queryAlertIds(db, EMPTY_FILTER, sort);
        const first = await firstPageIds(db, buildQueryPlan(EMPTY_FILTER, sort), 40);
        expect(first, `${column} ${direction}`).toEqual(whole.slice(0, 40));
      }
    }
  });

  it('should be left to the whole query when the search has fields, and empty for a bad search', async () => {
    const kinds: Partial<AlertFilter> = { kinds: ['brute_force'] };
    expect(await firstPageIds(db, buildQueryPlan({ ...EMPTY_FILTER, ...kinds }, DEFAULT_SORT), 10)).toBeNull();
    expect(await firstPageIds(db, buildQueryPlan({ ...EMPTY_FILTER, src: 'nonsense' }, DEFAULT_SORT), 10)).toEqual([]);
  });

  it('should tell equal views apart from changed ones', () => {
    const ids = ['a', 'b'];
    expect(sameIds(ids, ['a', 'b'])).toBe(true);
    expect(sameIds(ids, ['b', 'a'])).toBe(false);
    expect(sameIds(ids, ['a'])).toBe(false);
  });
});

describe('alert mutations', () => {
  it('should be heard for writes to the alerts, not to other tables, until stopped', async () => {
    let heard = 0;
    const stop = onAlertsMutated(db, () => heard++);
    await db.alerts.update('scan', { status: 'acknowledged' });
    await until(() => heard === 1);
    await db.settings.put({ key: 'other', value: 1 });
    await db.alerts.delete('sweep');
    await until(() => heard === 2);
    stop();
    await db.alerts.delete('brute');
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    expect(heard).toBe(2);
  });
});

describe('AlertView', () => {
  it('should show the first page before the whole view, then the whole view', async () => {
    await storeMany(FIRST_PAGE + 50);
    const view = new AlertView(db, (error) => {
      throw error;
    });
    const plan = buildQueryPlan(EMPTY_FILTER, DEFAULT_SORT);
    // What the view held at each turn until it was complete: each a beginning of the whole view.
    const seen: (readonly string[])[] = [];
    view.show(plan, DEFAULT_SORT.column);
    expect(view.complete).toBe(false);
    await until(() => {
      seen.push(view.ids);
      return view.complete;
    });
    const whole = await queryAlertIds(db, EMPTY_FILTER, DEFAULT_SORT);
    expect(view.ids).toEqual(whole);
    expect(whole).toHaveLength(FIRST_PAGE + 55);
    for (const ids of seen) expect(ids).toEqual(whole.slice(0, ids.length));
    expect(seen.every((ids) => ids.length === 0 || ids.length === FIRST_PAGE || ids.length === whole.length)).toBe(
      true,
    );
  });

  it('should refresh after writes once its gap has passed, folding them into one query', async () => {
    const timer = heldTimer();
    const view = new AlertView(
      db,
      (error) => {
        throw error;
      },
      timer,
    );
    const stop = view.start();
    view.show(buildQueryPlan({ ...EMPTY_FILTER, statuses: ['new'] }, DEFAULT_SORT), 'time');
    await until(() => view.complete);
    expect(view.ids).toHaveLength(5);

    // The first write refreshes at once; those after it wait for the gap, folded into one.
    await db.alerts.update('scan', { status: 'acknowledged' });
    await until(() => view.ids.length === 4);
    await db.alerts.update('brute', { status: 'acknowledged' });
    await db.alerts.update('tunnel', { status: 'acknowledged' });
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
    expect(view.ids).toHaveLength(4);
    timer.release();
    await until(() => view.ids.length === 2);
    stop();
  });

  it('should keep the same array when a refresh finds the same ids', async () => {
    const view = new AlertView(db, (error) => {
      throw error;
    });
    const stop = view.start();
    view.show(buildQueryPlan(EMPTY_FILTER, DEFAULT_SORT), 'time');
    await until(() => view.complete);
    const before = view.ids;
    let heard = 0;
    const listening = onAlertsMutated(db, () => heard++);
    await db.alerts.update('scan', { status: 'acknowledged' });
    await until(() => heard === 1);
    await new Promise<void>((resolve) => setTimeout(resolve, 20));
    expect(view.ids).toBe(before);
    listening();
    stop();
  });

  it('should wait at least twice as long as its last refresh took', () => {
    expect(refreshGap(0)).toBe(MIN_REFRESH_GAP_MS);
    expect(refreshGap(3_000)).toBe(6_000);
  });
});

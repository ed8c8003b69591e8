/**
 * The ids of View Alerts' current view, as Svelte state, kept cheap at 200,000 alerts:
 *
 * - a new search shows its first page as soon as it is read along the sort index, before the
 *   whole view (and so its count) is known;
 * - writes (incoming batches, acknowledge, suppress) do not re-run the query each time: they ask a
 *   coalesced refresh that starts at least a gap after the last one ended, a gap that grows with
 *   what the last run cost; the table's rows update at once on their own (RecordCache);
 * - a refresh that finds the same ids keeps the old array, so nothing downstream (the charts, the
 *   highlight, the scroll position) is disturbed.
 */
import type { WirewatchDatabase } from '../db/database';
import type { AlertColumn } from './alert-filter';
import { onAlertsMutated } from './alert-mutations';
import { firstPageIds, runQueryPlan, sameIds, type AlertQueryPlan } from './alert-query';
import { CoalescedTask, type Timer } from './coalesced-task';

/** Rows read for the first paint: a tall window's worth and some. */
export const FIRST_PAGE = 100;
/** Least pause between refreshes caused by writes. */
export const MIN_REFRESH_GAP_MS = 500;

/** The refresh's pause: at least twice what it last cost, so it never holds more than a third of the time. */
export function refreshGap(lastRunMs: number): number {
  return Math.max(MIN_REFRESH_GAP_MS, 2 * lastRunMs);
}

export class AlertView {
  /** The view's ids in order: the first page only until `complete`. */
  ids = $state.raw<readonly string[]>([]);
  /** True once the whole view is known (its length is the count). */
  complete = $state(false);
  /** True once something of the first view is known. */
  loaded = $state(false);

  private current: { plan: AlertQueryPlan; column: AlertColumn; generation: number } | null = null;
  private readonly refresh: CoalescedTask;

  constructor(
    private readonly db: WirewatchDatabase,
    private readonly onError: (error: unknown) => void,
    timer?: Timer,
  ) {
    this.refresh = new CoalescedTask(() => this.run(), { gapMs: refreshGap, onError, timer });
  }

  /** Listens for writes to the alerts; returns the function that stops (and cancels a waiting refresh). */
  start(): () => void {
    const stop = onAlertsMutated(this.db, () => this.refresh.request());
    return () => {
      stop();
      this.refresh.dispose();
    };
  }

  /** Shows a search: its first page at once when it can, then the whole view. */
  show(plan: AlertQueryPlan, column: AlertColumn): void {
    const generation = (this.current?.generation ?? 0) + 1;
    this.current = { plan, column, generation };
    this.complete = false;
    firstPageIds(this.db, plan, FIRST_PAGE)
      .then((first) => {
        if (first === null || this.current?.generation !== generation || this.complete) return;
        this.ids = first;
        this.loaded = true;
      })
      .catch(this.onError);
    this.run().catch(this.onError);
  }

  private async run(): Promise<void> {
    const current = this.current;
    if (current === null) return;
    const ids = await runQueryPlan(this.db, current.plan, current.column);
    if (this.current?.generation !== current.generation) return;
    if (!sameIds(this.ids, ids)) this.ids = ids;
    this.complete = true;
    this.loaded = true;
  }
}

/**
 * Where an alert went when the view's ids changed (a refresh after incoming batches, a suppression):
 * the table keeps the highlighted alert highlighted and the alert at the top of its window at the
 * top, instead of keeping a row number that now holds another alert.
 */

/** The index in `next` of the alert at `index` in `previous`; the index itself (kept inside `next`) when it is gone. */
export function followIndex(previous: readonly string[], next: readonly string[], index: number): number {
  const id = previous[index];
  const found = id === undefined ? -1 : next.indexOf(id);
  if (found >= 0) return found;
  return Math.max(0, Math.min(index, next.length - 1));
}

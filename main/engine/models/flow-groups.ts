/**
 * How many flagged flows the busiest source or target of a data set has within one window: the
 * count a group of flows must reach before the model detector raises an alert, and so the number
 * thresholds are chosen from. Counted per capture file, since windows of two files never meet.
 */
import type { FlowDataset } from './flow-dataset';

/** Flags per row: true where the model counts the flow. */
export type RowFlags = (row: number) => boolean;

/** The largest number of flagged rows one source, or one target, has in one window of one file, over the rows chosen. */
export function busiestGroup(
  dataset: FlowDataset,
  windowSeconds: number,
  flagged: RowFlags,
  chosen: (row: number) => boolean,
): number {
  const counts = new Map<string, number>();
  let most = 0;
  for (let row = 0; row < dataset.count; row++) {
    if (!chosen(row) || !flagged(row)) continue;
    const parties = dataset.parties[row];
    if (parties === undefined) continue;
    const window = Math.floor(parties.time / windowSeconds);
    const file = dataset.fileOfRow[row] ?? 0;
    for (const key of [`${file}|${window}|s|${parties.src}`, `${file}|${window}|d|${parties.dst}`]) {
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count > most) most = count;
    }
  }
  return most;
}

/**
 * Attack episodes (a file and a kind) whose attack flows form a group of at least `minFlows`
 * flagged flows: the ones the detector would raise an alert for.
 */
export function episodesReached(
  dataset: FlowDataset,
  windowSeconds: number,
  flagged: RowFlags,
  minFlows: number,
  /** Only count flows named as their own kind (classifier), or any flagged flow (anomaly). */
  rightKind?: (row: number) => boolean,
): { reached: number; total: number } {
  const counts = new Map<string, number>();
  const episodes = new Set<string>();
  const reached = new Set<string>();
  for (let row = 0; row < dataset.count; row++) {
    const label = dataset.labels[row];
    if (label === undefined || label === 'benign') continue;
    const file = dataset.fileOfRow[row] ?? 0;
    const episode = `${file}|${label}`;
    episodes.add(episode);
    if (!flagged(row) || (rightKind !== undefined && !rightKind(row))) continue;
    const parties = dataset.parties[row];
    if (parties === undefined) continue;
    const window = Math.floor(parties.time / windowSeconds);
    for (const key of [`${episode}|${window}|s|${parties.src}`, `${episode}|${window}|d|${parties.dst}`]) {
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count >= minFlows) reached.add(episode);
    }
  }
  return { reached: reached.size, total: episodes.size };
}

/** The q-quantile (0..1) of values, by the nearest-rank method on a sorted copy. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
}

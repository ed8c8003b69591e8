/**
 * Running statistics (count, mean, M2, min, max) kept in five consecutive slots of a Float64Array,
 * so a flow's statistics live inside its row of the flow store and an update allocates nothing.
 *
 * The mean and M2 (sum of squared deviations) follow Welford's online algorithm (B. P. Welford,
 * "Note on a method for calculating corrected sums of squares and products", Technometrics 4(3),
 * 1962; Knuth, TAOCP vol. 2, §4.2.2): one pass, O(1) per value, and without the cancellation of the
 * naive sum-of-squares formula.
 */

/** Offsets of the five slots of one block. */
export const STAT = { COUNT: 0, MEAN: 1, M2: 2, MIN: 3, MAX: 4 } as const;
/** How many Float64Array slots one block takes. */
export const STAT_SLOTS = 5;

/** Empties the block at `offset`; min and max start at ±Infinity so the first value sets both. */
export function clearStats(store: Float64Array, offset: number): void {
  store[offset] = 0;
  store[offset + 1] = 0;
  store[offset + 2] = 0;
  store[offset + 3] = Infinity;
  store[offset + 4] = -Infinity;
}

/** Adds one value to the block at `offset` (Welford's update). */
export function addStat(store: Float64Array, offset: number, value: number): void {
  const count = (store[offset] ?? 0) + 1;
  const mean = store[offset + 1] ?? 0;
  const delta = value - mean;
  const nextMean = mean + delta / count;
  store[offset] = count;
  store[offset + 1] = nextMean;
  store[offset + 2] = (store[offset + 2] ?? 0) + delta * (value - nextMean);
  if (value < (store[offset + 3] ?? Infinity)) store[offset + 3] = value;
  if (value > (store[offset + 4] ?? -Infinity)) store[offset + 4] = value;
}

/** The summary a record shows: all zero for an empty block, std 0 for a single value. */
export interface StatSummary {
  count: number;
  min: number;
  max: number;
  mean: number;
  /**
   * Sample standard deviation (divisor n − 1), as CICFlowMeter reports it (Apache Commons Math
   * SummaryStatistics, bias-corrected), so our numbers line up with models and papers built on it.
   */
  std: number;
}

/** Reads the block at `offset` as a summary. */
export function readStats(store: Float64Array, offset: number): StatSummary {
  const count = store[offset] ?? 0;
  const m2 = store[offset + 2] ?? 0;
  return summary(count, store[offset + 1] ?? 0, m2, store[offset + 3] ?? 0, store[offset + 4] ?? 0);
}

/**
 * The summary of two blocks' values taken together, without having kept the values: the pairwise
 * combination of Chan, Golub and LeVeque ("Updating formulae and a pairwise algorithm for
 * computing sample variances", Stanford CS report STAN-CS-79-773, 1979):
 * M2 = M2a + M2b + δ²·na·nb / (na + nb), δ = mean_b − mean_a.
 */
export function combineStats(store: Float64Array, a: number, b: number): StatSummary {
  const na = store[a] ?? 0;
  const nb = store[b] ?? 0;
  if (na === 0) return readStats(store, b);
  if (nb === 0) return readStats(store, a);
  const count = na + nb;
  const meanA = store[a + 1] ?? 0;
  const delta = (store[b + 1] ?? 0) - meanA;
  const mean = meanA + (delta * nb) / count;
  const m2 = (store[a + 2] ?? 0) + (store[b + 2] ?? 0) + (delta * delta * na * nb) / count;
  const min = Math.min(store[a + 3] ?? 0, store[b + 3] ?? 0);
  const max = Math.max(store[a + 4] ?? 0, store[b + 4] ?? 0);
  return summary(count, mean, m2, min, max);
}

function summary(count: number, mean: number, m2: number, min: number, max: number): StatSummary {
  if (count === 0) return { count: 0, min: 0, max: 0, mean: 0, std: 0 };
  // M2 can come out a hair below zero from rounding when all values are equal.
  const std = count > 1 ? Math.sqrt(Math.max(0, m2) / (count - 1)) : 0;
  return { count, min, max, mean, std };
}

/** tcpdump's closing lines ("N packets captured", "M packets received by filter", "K packets dropped by kernel"). */

export interface TcpdumpStats {
  readonly captured: number;
  readonly received: number;
  readonly droppedByKernel: number;
}

export function parseTcpdumpStats(stderr: string): TcpdumpStats | undefined {
  const number = (label: string): number | undefined => {
    const match = new RegExp(`(\\d+) packets? ${label}`).exec(stderr);
    return match?.[1] === undefined ? undefined : Number(match[1]);
  };
  const captured = number('captured');
  const received = number('received by filter');
  const droppedByKernel = number('dropped by kernel');
  if (captured === undefined || received === undefined || droppedByKernel === undefined) return undefined;
  return { captured, received, droppedByKernel };
}

/** The q-th quantile (0..1) of `values` by nearest rank; NaN when empty. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

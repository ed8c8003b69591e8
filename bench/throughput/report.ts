/**
 * Turns measurements into the table the benchmark prints: rates, peak memory, ratios and aims.
 * Rates are over the whole command, as a user runs it. Each tool's fixed start-up cost (its time
 * on a 1,000-packet capture) is shown beside it with the rate net of it, because some peers pay a
 * large fixed cost (argus ≈ 1 s) that flatters or hurts a ratio depending on the file's size.
 */
import type { Measurement } from './measure';
import type { Tool } from './tools';

export interface ToolResult {
  readonly tool: Tool;
  /** Runs over the benchmark capture. */
  readonly runs: readonly Measurement[];
  /** Runs over the tiny capture: the tool's fixed cost. */
  readonly startupRuns: readonly Measurement[];
}

/** What Wirewatch is meant to reach against each peer (packets/s ratio), and its memory ceiling. */
export const AIMS = {
  ratios: [
    { peer: 'argus', atLeast: 2 },
    { peer: 'tcpdump', atLeast: 0.3 },
    { peer: 'tshark', atLeast: undefined },
  ],
  peakRssBytes: 300e6,
} as const;

/** The fastest run: the one least disturbed by the rest of the machine. */
function best(runs: readonly Measurement[]): number {
  return Math.min(...runs.map((run) => run.elapsedMs));
}

export function peakRss(result: ToolResult): number {
  return Math.max(...result.runs.map((run) => run.peakRssBytes));
}

export function rate(packets: number, result: ToolResult): number {
  return (packets * 1000) / best(result.runs);
}

/**
 * Packets per second once the fixed start-up cost is taken off; NaN when start-up is over half the
 * run, where the difference is mostly noise (or the tool overlaps start-up with work, as argus's
 * one-second timer does on small files).
 */
export function netRate(packets: number, result: ToolResult): number {
  const elapsed = best(result.runs);
  const startup = result.startupRuns.length > 0 ? best(result.startupRuns) : 0;
  return startup * 2 < elapsed ? (packets * 1000) / (elapsed - startup) : Number.NaN;
}

export function reportLines(packets: number, results: readonly ToolResult[]): string[] {
  const rows = results.map((result) => [
    result.tool.name,
    whole(rate(packets, result)),
    seconds(best(result.runs)),
    megabytes(peakRss(result)),
    result.startupRuns.length > 0 ? seconds(best(result.startupRuns)) : '—',
    whole(netRate(packets, result)),
    result.runs.length === 1 ? '1 run' : `best of ${result.runs.length}`,
    result.tool.does,
  ]);
  const header = ['tool', 'packets/s', 'elapsed', 'peak RSS', 'start-up', 'net packets/s', 'runs', 'what it does'];
  const lines = table([header, ...rows], [1, 2, 3, 4, 5]);
  const wirewatch = results.find((result) => result.tool.name === 'wirewatch');
  if (wirewatch === undefined) return lines;
  const ratioRows: string[][] = [];
  for (const aim of AIMS.ratios) {
    const peer = results.find((result) => result.tool.name === aim.peer);
    if (peer === undefined) continue;
    const ratio = rate(packets, wirewatch) / rate(packets, peer);
    const net = netRate(packets, wirewatch) / netRate(packets, peer);
    ratioRows.push([
      `wirewatch / ${aim.peer}`,
      `${ratio.toFixed(2)}×`,
      aim.atLeast === undefined ? '—' : `≥ ${aim.atLeast}×`,
      aim.atLeast === undefined ? '' : ratio >= aim.atLeast ? 'met' : 'MISSED',
      Number.isFinite(net) ? `(net of start-up: ${net.toFixed(2)}×)` : '',
    ]);
  }
  const rss = peakRss(wirewatch);
  ratioRows.push([
    'wirewatch peak RSS',
    megabytes(rss),
    `≤ ${megabytes(AIMS.peakRssBytes)}`,
    rss <= AIMS.peakRssBytes ? 'met' : 'MISSED',
    '',
  ]);
  return [...lines, '', ...table([['', 'measured', 'aim', '', ''], ...ratioRows], [1])];
}

function table(rows: readonly (readonly string[])[], rightAligned: readonly number[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function whole(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—';
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
}

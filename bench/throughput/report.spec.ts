import { describe, expect, it } from 'vitest';
import type { Measurement } from './measure';
import { netRate, rate, reportLines, type ToolResult } from './report';
import type { Tool } from './tools';

const tool = (name: string): Tool => ({
  name,
  does: `${name} things`,
  command: name,
  args: () => [],
  aptPackage: name,
});
const runs = (...elapsed: number[]): Measurement[] => elapsed.map((elapsedMs) => ({ elapsedMs, peakRssBytes: 100e6 }));

describe('the throughput report', () => {
  const wirewatch: ToolResult = { tool: tool('wirewatch'), runs: runs(1100, 1000, 1200), startupRuns: runs(200) };
  const argus: ToolResult = { tool: tool('argus'), runs: runs(2000), startupRuns: runs(1000) };
  const tcpdump: ToolResult = { tool: tool('tcpdump'), runs: runs(500), startupRuns: runs(10) };

  it('should rate each tool by its fastest run, whole and net of start-up', () => {
    expect(rate(2_000_000, wirewatch)).toBe(2_000_000);
    expect(netRate(2_000_000, wirewatch)).toBe(2_500_000);
    // Start-up over half the run: no net figure rather than a noisy one.
    expect(netRate(2_000_000, { ...argus, startupRuns: runs(1500) })).toBeNaN();
  });

  it('should print the ratios against the aims with a verdict', () => {
    const text = reportLines(2_000_000, [wirewatch, tcpdump, argus]).join('\n');
    expect(text).toMatch(/wirewatch \/ argus\s+2\.00×\s+≥ 2×\s+met/);
    expect(text).toMatch(/wirewatch \/ tcpdump\s+0\.50×\s+≥ 0\.3×\s+met/);
    expect(text).toMatch(/wirewatch peak RSS\s+100 MB\s+≤ 300 MB\s+met/);
    const slow = reportLines(2_000_000, [{ ...wirewatch, runs: runs(3000) }, tcpdump]).join('\n');
    expect(slow).toMatch(/wirewatch \/ tcpdump\s+0\.17×\s+≥ 0\.3×\s+MISSED/);
  });
});

// `wirewatch thresholds`: every threshold with its default, unit and documented reasoning.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import { THRESHOLD_KEYS } from '../engine/detect/threshold-catalogue';
import { captureOutput } from '../testing/captured-output';

const output = captureOutput();

describe('wirewatch thresholds', () => {
  it('should print each threshold with its unit and the reasoning behind its default', async () => {
    expect(await runCli(['thresholds'])).toBe(0);
    const text = output.stdout();
    expect(text).toContain(
      [
        'port_scan.fastPorts = 20',
        '    unit: ports',
        "    Distinct unanswered ports per source→target in the short window: Snort portscan2's port_limit",
        "    20. nmap's default scan passes 20 ports in under a second (-T2 in 8 s).",
      ].join('\n'),
    );
    expect(text).toMatch(/^brute_force\.services\.22\.name = ssh\n {4}unit: text\n {4}\S/m);
    // Every threshold of the catalogue is there, each with a unit line and at least one line of reasoning.
    const keys = [...text.matchAll(/^(\S+) = .*\n {4}unit: .+\n {4}\S.*$/gm)].map((match) => match[1]);
    expect(keys).toEqual(THRESHOLD_KEYS);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
  });

  it('should print one rule as JSON lines with key, default, type, unit and reason', async () => {
    expect(await runCli(['thresholds', 'port_scan', '--json'])).toBe(0);
    const rows = output
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, string>);
    expect(rows.map((row) => row.key)).toEqual(THRESHOLD_KEYS.filter((key) => key.startsWith('port_scan.')));
    expect(rows.find((row) => row.key === 'port_scan.fastWindowSeconds')).toEqual({
      key: 'port_scan.fastWindowSeconds',
      default: '60',
      type: 'number',
      unit: 's',
      reason: "Short window: Snort portscan2's 60 s timeout; sfPortscan's low sensitivity uses 60 s too.",
    });
  });

  it('should keep the one-line form with --brief', async () => {
    expect(await runCli(['thresholds', '--brief'])).toBe(0);
    expect(output.stdout().trim().split('\n')).toHaveLength(THRESHOLD_KEYS.length);
  });

  it('should exit 2 naming the rules when the rule does not exist', async () => {
    expect(await runCli(['thresholds', 'port_scna'])).toBe(2);
    expect(output.stderr()).toMatch(/no rule named port_scna; rules: port_scan, /);
  });
});

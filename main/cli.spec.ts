import { describe, expect, it } from 'vitest';
import { captureOutput } from './testing/captured-output';
import { runCli } from './cli';

const output = captureOutput();

describe('wirewatch CLI', () => {
  it('should print help and exit 0 with --help', async () => {
    expect(await runCli(['--help'])).toBe(0);
    expect(output.stdout()).toMatch(/Usage: wirewatch <command>/);
    expect(output.stdout()).toMatch(/Exit codes: 0 success, 1 the command failed, 2 the command line was wrong/);
  });

  it('should exit 2 with usage when no command is given', async () => {
    expect(await runCli([])).toBe(2);
  });

  it('should exit 2 with one line naming an unknown command', async () => {
    expect(await runCli(['analyse-everything'])).toBe(2);
    expect(output.stderr()).toBe('wirewatch: unknown command "analyse-everything" (see wirewatch --help)\n');
  });

  it('should print a command help', async () => {
    expect(await runCli(['serve', '--help'])).toBe(0);
    expect(output.stdout()).toMatch(/wirewatch serve \[--port N\]/);
  });

  it('should exit 2 with one line on an unknown option', async () => {
    expect(await runCli(['serve', '--colour'])).toBe(2);
    expect(output.stderr()).toMatch(/^wirewatch serve: Unknown option '--colour'.*\(see wirewatch serve --help\)\n$/);
  });

  it('should list every detection threshold with its default', async () => {
    expect(await runCli(['thresholds'])).toBe(0);
    expect(output.stdout()).toMatch(/^port_scan\.fastWindowSeconds = 60$/m);
    expect(output.stdout()).toMatch(/^brute_force\.services\.22\.name = ssh$/m);
  });

  it('should exit 2 on a port out of range', async () => {
    expect(await runCli(['serve', '--port', '70000'])).toBe(2);
    expect(output.stderr()).toMatch(/--port must be a whole number from 0 to 65535, not "70000"/);
  });
});

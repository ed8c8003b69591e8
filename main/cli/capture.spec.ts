// `wirewatch capture`'s command line: mistakes are caught before any helper starts.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli';
import { captureOutput } from '../testing/captured-output';

const output = captureOutput();

describe('wirewatch capture (command line)', () => {
  it('should exit 2 with one line when no interface is named', async () => {
    expect(await runCli(['capture', '--duration', '1'])).toBe(2);
    expect(output.stderr()).toContain('name the interface to capture on with --interface');
  });

  it.each([
    [['--interface', 'eth0', '--snaplen', '10'], 'snap length'],
    [['--interface', 'eth0', '--rotate', '5'], '--rotate needs --write'],
    [['--interface', 'eth0', '--duration', 'soon'], '--duration must be a number'],
    [['--interface', 'bad name!'], 'not an interface name'],
  ])('should refuse %j before capturing', async (args, message) => {
    expect(await runCli(['capture', ...args])).toBe(2);
    expect(output.stderr()).toContain(message);
  });

  it('should list capture among the commands', async () => {
    expect(await runCli(['--help'])).toBe(0);
    expect(output.stdout()).toContain('capture    capture live on an interface');
  });
});

/**
 * Captures what a command writes to stdout and stderr during each test of the calling file, so CLI
 * specs can check the exact lines (and that nothing else was printed).
 */
import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

export interface CapturedOutput {
  /** Everything written to stdout in this test so far. */
  stdout(): string;
  stderr(): string;
}

export function captureOutput(): CapturedOutput {
  let out: MockInstance | undefined;
  let err: MockInstance | undefined;
  beforeEach(() => {
    out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const text = (spy: MockInstance | undefined): string =>
    (spy?.mock.calls ?? []).map((call: unknown[]) => String(call[0])).join('');
  return { stdout: () => text(out), stderr: () => text(err) };
}

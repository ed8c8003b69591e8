import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import DropCounters from './DropCounters.svelte';

afterEach(cleanup);

describe('DropCounters', () => {
  it('should show every counter, n/a where the platform gives none, and the gaps a dead helper left', () => {
    render(DropCounters, {
      counters: { seen: 123456, bytes: 1, kernelDropped: null, interfaceDropped: 7, wirewatchDropped: 0, restarts: 1 },
      gaps: [{ from: 1_700_000_000, to: 1_700_000_001.5, reason: 'the capture helper (pid 42) was killed by SIGKILL' }],
    });
    const table = screen.getByRole('table', { name: 'Capture counters' });
    const value = (name: string): string | null =>
      within(within(table).getByRole('row', { name: new RegExp(name) })).getByRole('cell').textContent;
    expect(value('Packets seen')).toBe('123,456');
    expect(value('Dropped by the kernel')?.trim()).toBe('n/a');
    expect(value('Dropped by the interface')).toBe('7');
    expect(value('Dropped by Wirewatch')).toBe('0');
    expect(value('Helper restarts')).toBe('1');
    expect(screen.getByRole('list', { name: 'Capture gaps' })).toHaveTextContent(
      /for 1\.5 s: the capture helper \(pid 42\) was killed by SIGKILL/,
    );
  });
});

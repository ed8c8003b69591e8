import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import NavBar from './NavBar.svelte';

describe('NavBar', () => {
  it('should link every page and mark the current one', () => {
    render(NavBar, { current: 'capture', alertCount: 0 });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = screen.getAllByRole('link');
    expect(nav).toBeInTheDocument();
    expect(links.map((link) => link.textContent.trim())).toEqual([
      'View Alerts',
      'Analyse PCAPs',
      'Live Capture',
      'Edit Contacts',
      'Settings',
    ]);
    expect(screen.getByRole('link', { name: 'Live Capture' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('link', { name: 'Settings' })).not.toHaveAttribute('aria-current');
  });

  it('should show how many alerts are new', () => {
    render(NavBar, { current: 'alerts', alertCount: 12 });
    expect(screen.getByLabelText('12 new alerts')).toHaveTextContent('12');
  });
});

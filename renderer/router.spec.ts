import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from './router';

describe('routes', () => {
  it('should read a page and its filters from the hash', () => {
    expect(parseRoute('#/alerts?kind=port_scan&src=10.77.0.0%2F16')).toEqual({
      page: 'alerts',
      params: { kind: 'port_scan', src: '10.77.0.0/16' },
    });
  });

  it('should fall back to View Alerts for an empty or unknown hash', () => {
    expect(parseRoute('').page).toBe('alerts');
    expect(parseRoute('#/nowhere').page).toBe('alerts');
  });

  it('should round-trip a route through its hash', () => {
    const hash = routeHash('analyse', { file: '/data/a b.pcapng' });
    expect(parseRoute(hash)).toEqual({ page: 'analyse', params: { file: '/data/a b.pcapng' } });
    expect(routeHash('settings')).toBe('#/settings');
  });
});

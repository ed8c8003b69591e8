/**
 * Hash routes: `#/alerts?kind=port_scan`. The hash keeps routes working from app://, from the
 * browser host and across a reload, and its query carries a page's filters so a view can be
 * reopened.
 */
export const PAGES = [
  { id: 'alerts', label: 'View Alerts' },
  { id: 'analyse', label: 'Analyse PCAPs' },
  { id: 'capture', label: 'Live Capture' },
  { id: 'contacts', label: 'Edit Contacts' },
  { id: 'settings', label: 'Settings' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

export interface Route {
  readonly page: PageId;
  readonly params: Readonly<Record<string, string>>;
}

const DEFAULT_PAGE: PageId = 'alerts';

/** Reads a route from a location hash; an unknown page falls back to View Alerts. */
export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const page = PAGES.find((candidate) => candidate.id === path)?.id ?? DEFAULT_PAGE;
  return { page, params: Object.fromEntries(new URLSearchParams(query)) };
}

export function routeHash(page: PageId, params: Readonly<Record<string, string>> = {}): string {
  const query = new URLSearchParams(params).toString();
  return `#/${page}${query === '' ? '' : `?${query}`}`;
}

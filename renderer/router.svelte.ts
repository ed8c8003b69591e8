/** The current route as Svelte state, following the location hash. */
import { parseRoute, routeHash, type PageId, type Route } from './router';

export class Router {
  current = $state<Route>(parseRoute(window.location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.current = parseRoute(window.location.hash);
    });
  }

  go(page: PageId, params?: Readonly<Record<string, string>>): void {
    window.location.hash = routeHash(page, params);
  }
}

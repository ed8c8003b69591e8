/** What every page needs from the shell, handed down through Svelte's context. */
import { getContext, setContext } from 'svelte';
import type { AnalysisTracker } from './analysis/analysis-tracker.svelte';
import type { Toasts } from './components/toasts.svelte';
import type { WirewatchDatabase } from './db/database';
import type { DisplayPrefs } from './db/display.svelte';
import type { Router } from './router.svelte';
import type { Transport } from './transport';

export interface AppServices {
  readonly transport: Transport;
  readonly db: WirewatchDatabase;
  readonly router: Router;
  readonly toasts: Toasts;
  readonly display: DisplayPrefs;
  readonly analyses: AnalysisTracker;
}

const KEY = Symbol('wirewatch-app');

export function provideServices(services: AppServices): void {
  setContext(KEY, services);
}

export function services(): AppServices {
  const found = getContext<AppServices | undefined>(KEY);
  if (found === undefined) throw new Error('services() used outside the Wirewatch app');
  return found;
}

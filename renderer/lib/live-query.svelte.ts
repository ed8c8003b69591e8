/**
 * A Dexie live query as Svelte state: re-runs when the tables it read change, in this window or
 * another. Call from a component's script so the subscription ends with the component.
 */
import { liveQuery } from 'dexie';

export class LiveQuery<T> {
  value = $state<T>() as T;
  error = $state<unknown>(undefined);
  loaded = $state(false);

  /**
   * @param deps reads the state the query depends on (an id from the route, say), so a change of
   *   it re-runs the query; Dexie's own tracking covers the tables.
   */
  constructor(query: () => Promise<T>, initial: T, deps?: () => unknown) {
    this.value = initial;
    $effect(() => {
      deps?.();
      const subscription = liveQuery(query).subscribe({
        next: (value) => {
          this.value = value;
          this.loaded = true;
          this.error = undefined;
        },
        error: (error: unknown) => {
          this.error = error;
        },
      });
      return () => {
        subscription.unsubscribe();
      };
    });
  }
}

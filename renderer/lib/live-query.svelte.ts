/**
 * A Dexie live query as Svelte state: re-runs when the tables it read change, in this window or
 * another. Call from a component's script so the subscription ends with the component.
 */
import { liveQuery } from 'dexie';

export class LiveQuery<T> {
  value = $state<T>() as T;
  error = $state<unknown>(undefined);
  loaded = $state(false);

  constructor(query: () => Promise<T>, initial: T) {
    this.value = initial;
    $effect(() => {
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

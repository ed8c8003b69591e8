/**
 * The one way an alert leaves a detector for the rest of the app, whether it came from a file
 * analysis or a live capture: held in the outbox until the renderer stores it, pushed to every open
 * window, and handed to whoever else listens (notifications). Filters (suppressions) sit here too,
 * so every origin is treated the same.
 */
import type { Alert } from '../../preload/api/alerts';
import type { EventHub } from '../ipc/events';
import type { AlertOutbox } from './alert-outbox';

export type AlertListener = (alerts: readonly Alert[]) => void;
/** Returns the alerts to let through (a suppression drops what it matches). */
export type AlertFilter = (alerts: readonly Alert[]) => readonly Alert[];

export class AlertPublisher {
  readonly #listeners = new Set<AlertListener>();
  readonly #filters: AlertFilter[] = [];

  constructor(
    private readonly events: EventHub,
    private readonly outbox: AlertOutbox,
  ) {}

  publish(alerts: readonly Alert[]): void {
    let passed = alerts;
    for (const filter of this.#filters) passed = filter(passed);
    if (passed.length === 0) return;
    this.outbox.add(passed);
    this.events.emit('alerts:new', passed);
    for (const listener of this.#listeners) listener(passed);
  }

  /** Listens to every published batch; returns the function that stops listening. */
  onPublished(listener: AlertListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  addFilter(filter: AlertFilter): void {
    this.#filters.push(filter);
  }
}

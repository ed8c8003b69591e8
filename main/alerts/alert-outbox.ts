/**
 * Alerts main has raised but the renderer has not yet confirmed storing. Main keeps each one until
 * it is acknowledged, so a window that reloads mid-stream asks for them again and loses none.
 */
import type { Alert } from '../../preload/api/alerts';

export class AlertOutbox {
  // Insertion order is delivery order; a Map keeps it and makes acknowledgement O(1) per id.
  readonly #pending = new Map<string, Alert>();

  /**
   * Holds alerts until acknowledged. An incident that grows arrives again with the same id: the
   * newer version replaces the one held, so the renderer stores the latest.
   */
  add(alerts: readonly Alert[]): void {
    for (const alert of alerts) this.#pending.set(alert.id, alert);
  }

  pending(): Alert[] {
    return [...this.#pending.values()];
  }

  /** Forgets stored alerts; returns how many were still held. */
  acknowledge(ids: readonly string[]): number {
    let released = 0;
    for (const id of ids) if (this.#pending.delete(id)) released += 1;
    return released;
  }

  get size(): number {
    return this.#pending.size;
  }
}

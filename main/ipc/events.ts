/**
 * Events main pushes to every connected renderer (the Electron window, browser-host sockets).
 * Callers batch before emitting: one message per batch of alerts or per progress tick, never one
 * per packet.
 */
import type { EventChannel, Payload } from '../../preload/api';

/** Delivers one event to one renderer. */
export type EventSink = (channel: EventChannel, payload: unknown) => void;

export class EventHub {
  readonly #sinks = new Set<EventSink>();
  readonly #observers = new Set<EventSink>();

  /** Adds a renderer; returns the function that removes it. */
  attach(sink: EventSink): () => void {
    this.#sinks.add(sink);
    return () => this.#sinks.delete(sink);
  }

  /**
   * Lets a part of main hear every event too (notifications hear `analysis:finished`). Observers are
   * not renderers: `size` does not count them. Returns the function that stops observing.
   */
  observe(observer: EventSink): () => void {
    this.#observers.add(observer);
    return () => this.#observers.delete(observer);
  }

  emit<K extends EventChannel>(channel: K, payload: Payload<K>): void {
    for (const observer of this.#observers) {
      try {
        observer(channel, payload);
      } catch (error) {
        console.error(`[events] an observer of ${channel} failed:`, error);
      }
    }
    for (const sink of this.#sinks) {
      try {
        sink(channel, payload);
      } catch (error) {
        // One broken renderer (a closing socket) must not keep the event from the others.
        console.error(`[events] ${channel} could not be delivered:`, error);
      }
    }
  }

  get size(): number {
    return this.#sinks.size;
  }
}

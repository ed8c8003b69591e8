/**
 * The messages the browser host and the renderer exchange over the WebSocket: calls answered by
 * replies (matched by id), and events pushed by main. The same contract as the Electron bridge.
 */
import type { Reply } from './errors';

/** Path of the host's WebSocket endpoint; the per-run token travels in its `token` query parameter. */
export const SOCKET_PATH = '/ws';

/** Largest message either side accepts; a bigger one closes the socket (close code 1009). */
export const MAX_SOCKET_MESSAGE_BYTES = 4 * 1024 * 1024;

export interface SocketCall {
  readonly kind: 'call';
  readonly id: number;
  readonly channel: string;
  readonly args: readonly unknown[];
}

export type HostMessage =
  /** `id` is null when the call could not be read well enough to know its id. */
  | { readonly kind: 'reply'; readonly id: number | null; readonly reply: Reply<unknown> }
  | { readonly kind: 'event'; readonly channel: string; readonly payload: unknown };

/**
 * The contract over a WebSocket to the browser host. Calls wait for the socket to open, replies are
 * matched to calls by id, and a lost connection fails the calls in flight with a `transport` error
 * and reconnects with backoff, so a restarted host is picked up again without a reload.
 */
import {
  ContractError,
  isEventChannel,
  isReply,
  unwrapReply,
  type EventChannel,
  type Input,
  type Payload,
  type RequestChannel,
  type Result,
  type WirewatchApi,
} from '../../preload/api';
import type { HostMessage, SocketCall } from '../../preload/api/socket-protocol';

export type ConnectionState = 'connecting' | 'open' | 'closed';

/** The part of the browser's WebSocket this client uses (the `ws` package offers it too). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}
export type SocketFactory = (url: string) => SocketLike;

const OPEN = 1;
const RECONNECT_DELAYS_MS = [500, 1000, 2000, 5000, 10_000];

interface PendingCall {
  resolve(reply: unknown): void;
  reject(error: Error): void;
}

function unreachable(): ContractError {
  return new ContractError('transport', 'the Wirewatch host cannot be reached; reconnecting');
}

export class SocketClient implements WirewatchApi {
  readonly #url: string;
  readonly #connect: SocketFactory;
  readonly #pending = new Map<number, PendingCall>();
  readonly #listeners = new Map<EventChannel, Set<(payload: unknown) => void>>();
  readonly #stateListeners = new Set<(state: ConnectionState) => void>();
  #socket: SocketLike | undefined;
  #nextId = 1;
  #failures = 0;
  #stopped = false;
  #state: ConnectionState = 'connecting';

  constructor(url: string, connect: SocketFactory) {
    this.#url = url;
    this.#connect = connect;
    this.#open();
  }

  get state(): ConnectionState {
    return this.#state;
  }

  async invoke<K extends RequestChannel>(channel: K, ...args: Input<K>): Promise<Result<K>> {
    const socket = await this.#ready();
    const id = this.#nextId++;
    const call: SocketCall = { kind: 'call', id, channel, args };
    const reply = await new Promise((resolve, reject: (error: Error) => void) => {
      this.#pending.set(id, { resolve, reject });
      socket.send(JSON.stringify(call));
    });
    return unwrapReply<Result<K>>(reply);
  }

  on<K extends EventChannel>(channel: K, listener: (payload: Payload<K>) => void): () => void {
    const set = this.#listeners.get(channel) ?? new Set();
    this.#listeners.set(channel, set);
    const wide = listener as (payload: unknown) => void;
    set.add(wide);
    return () => set.delete(wide);
  }

  /** Reports connection changes (for the banner that says the host is unreachable). */
  onState(listener: (state: ConnectionState) => void): () => void {
    this.#stateListeners.add(listener);
    return () => this.#stateListeners.delete(listener);
  }

  close(): void {
    this.#stopped = true;
    this.#socket?.close();
  }

  /** The open socket; waits while connecting, fails at once while the host is unreachable. */
  #ready(): Promise<SocketLike> {
    const socket = this.#socket;
    if (socket?.readyState === OPEN && this.#state === 'open') return Promise.resolve(socket);
    if (this.#state === 'closed') return Promise.reject(unreachable());
    return new Promise((resolve, reject) => {
      const settle = (state: ConnectionState): void => {
        if (state === 'connecting') return;
        this.#stateListeners.delete(settle);
        if (state === 'open' && this.#socket !== undefined) resolve(this.#socket);
        else reject(unreachable());
      };
      this.#stateListeners.add(settle);
    });
  }

  #open(): void {
    this.#setState('connecting');
    const socket = this.#connect(this.#url);
    this.#socket = socket;
    socket.addEventListener('open', () => {
      this.#failures = 0;
      this.#setState('open');
    });
    socket.addEventListener('message', (event) => {
      this.#receive(event.data);
    });
    socket.addEventListener('close', () => {
      for (const call of this.#pending.values()) {
        call.reject(new ContractError('transport', 'the connection to the Wirewatch host was lost'));
      }
      this.#pending.clear();
      this.#setState('closed');
      if (this.#stopped) return;
      const delay = RECONNECT_DELAYS_MS[Math.min(this.#failures, RECONNECT_DELAYS_MS.length - 1)] ?? 10_000;
      this.#failures += 1;
      setTimeout(() => {
        this.#open();
      }, delay);
    });
  }

  #receive(data: unknown): void {
    let message: HostMessage;
    try {
      message = JSON.parse(String(data)) as HostMessage;
    } catch (error) {
      console.error('[transport] unreadable message from host:', error);
      return;
    }
    if (message.kind === 'event') {
      if (!isEventChannel(message.channel)) return;
      for (const listener of this.#listeners.get(message.channel) ?? []) listener(message.payload);
      return;
    }
    if (message.id === null) {
      console.error('[transport] host could not read a call:', message.reply);
      return;
    }
    const call = this.#pending.get(message.id);
    this.#pending.delete(message.id);
    if (call === undefined) return;
    if (isReply(message.reply)) call.resolve(message.reply);
    else call.reject(new ContractError('transport', 'malformed reply from the Wirewatch host'));
  }

  #setState(state: ConnectionState): void {
    this.#state = state;
    for (const listener of [...this.#stateListeners]) listener(state);
  }
}

/**
 * THE contract: every request and event channel, merged from the domain files. The compiler ties
 * each channel name to its arguments, result and payload through the types below.
 */
import { alertsEvents, alertsRequests } from './alerts';
import { analysisEvents, analysisRequests } from './analysis';
import { captureEvents, captureRequests } from './capture';
import { contactsEvents, contactsRequests } from './contacts';
import type { ArgsOf, InputOf, PayloadOf, ResultOf } from './contract';
import { notifyEvents, notifyRequests } from './notify';
import { settingsEvents, settingsRequests } from './settings';

export const requests = {
  ...alertsRequests,
  ...analysisRequests,
  ...captureRequests,
  ...contactsRequests,
  ...notifyRequests,
  ...settingsRequests,
};

export const events = {
  ...alertsEvents,
  ...analysisEvents,
  ...captureEvents,
  ...contactsEvents,
  ...notifyEvents,
  ...settingsEvents,
};

export type Requests = typeof requests;
export type Events = typeof events;
export type RequestChannel = keyof Requests;
export type EventChannel = keyof Events;

/** Arguments a handler receives once the schema has checked them. */
export type Args<K extends RequestChannel> = ArgsOf<Requests[K]>;
/** Arguments a caller passes. */
export type Input<K extends RequestChannel> = InputOf<Requests[K]>;
export type Result<K extends RequestChannel> = ResultOf<Requests[K]>;
export type Payload<K extends EventChannel> = PayloadOf<Events[K]>;

/** Every request channel name, for registration and for the transports' allow-lists. */
export const REQUEST_CHANNELS = Object.keys(requests) as RequestChannel[];
export const EVENT_CHANNELS = Object.keys(events) as EventChannel[];

export function isRequestChannel(name: unknown): name is RequestChannel {
  return typeof name === 'string' && Object.hasOwn(requests, name);
}

export function isEventChannel(name: unknown): name is EventChannel {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/**
 * What the renderer sees, whichever transport carries it: the Electron preload bridge
 * (`window.wirewatch`) or the WebSocket to the browser host.
 */
export interface WirewatchApi {
  invoke<K extends RequestChannel>(channel: K, ...args: Input<K>): Promise<Result<K>>;
  /** Subscribes to an event channel; returns the unsubscribe function. */
  on<K extends EventChannel>(channel: K, listener: (payload: Payload<K>) => void): () => void;
}

/** What the preload exposes as `window.wirewatch`: the contract plus Electron-only helpers. */
export interface BridgeApi extends WirewatchApi {
  /** The filesystem path of a dropped or picked File (Electron's webUtils.getPathForFile). */
  pathForFile(file: File): string;
}

export * from './alerts';
export * from './analysis';
export * from './capture';
export * from './contacts';
export * from './errors';
export * from './notify';
export * from './settings';
export type { Phantom } from './contract';

/** The shape of the functions that implement the contract in main. */
import type { Args, RequestChannel, Result } from '../../preload/api';
import type { Sender } from './sender';

export interface CallContext {
  readonly sender: Sender;
}

/** Implements one request channel; receives arguments already checked against the channel's schema. */
export type Handler<K extends RequestChannel> = (
  context: CallContext,
  ...args: Args<K>
) => Result<K> | Promise<Result<K>>;

/** One domain's handlers: exactly the channels it names, each with its own types. */
export type DomainHandlers<K extends RequestChannel> = { readonly [C in K]: Handler<C> };

/** Every request channel of the contract, implemented. */
export type HandlerTable = DomainHandlers<RequestChannel>;

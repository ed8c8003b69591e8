/**
 * The building blocks every domain file uses to declare its part of the contract.
 *
 * A request channel pairs a valibot schema for its arguments (checked at runtime by main's one
 * registration helper) with a result type that exists only for the compiler. An event channel
 * carries a payload type pushed by main. Nothing here imports electron, node or svelte, so the
 * renderer can import the types and main can import the schemas.
 */
import type * as v from 'valibot';

/** A type carried at compile time only; the runtime value is an empty marker. */
export interface Phantom<T> {
  readonly __type?: T;
}

/** Declares a type for the compiler without any runtime schema. */
export function type<T>(): Phantom<T> {
  return {};
}

/** Any valibot schema that validates a tuple of call arguments. */
export type ArgsSchema = v.GenericSchema<unknown, readonly unknown[]>;

/** One request channel: arguments checked at runtime, result typed at compile time. */
export interface RequestSpec<A extends ArgsSchema, R> {
  readonly args: A;
  readonly result: Phantom<R>;
}

/** Declares a request channel from its argument schema (a `v.strictTuple`, so surplus arguments are refused) and result type. */
export function request<A extends ArgsSchema, R>(args: A, result: Phantom<R>): RequestSpec<A, R> {
  return { args, result };
}

export type RequestMap = Record<string, RequestSpec<ArgsSchema, unknown>>;
export type EventMap = Record<string, Phantom<unknown>>;

/** The argument tuple of a request channel, as main's handler receives it after validation. */
export type ArgsOf<S> = S extends RequestSpec<infer A, unknown> ? v.InferOutput<A> : never;
/** The argument tuple a caller passes (before schema defaults and transforms apply). */
export type InputOf<S> = S extends RequestSpec<infer A, unknown> ? v.InferInput<A> : never;
/** The result a request channel resolves to. */
export type ResultOf<S> = S extends RequestSpec<ArgsSchema, infer R> ? R : never;
/** The payload an event channel carries. */
export type PayloadOf<S> = S extends Phantom<infer P> ? P : never;

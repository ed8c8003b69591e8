/**
 * How failures cross the contract. Main's registration helper turns every thrown error into a
 * `{error: {code, message}}` reply; callers (the preload bridge and the WebSocket transport)
 * turn that reply back into a `ContractError` with the same code.
 */

/** Codes a caller can branch on. Handlers add domain codes (e.g. `not-a-capture`) as strings. */
export type ErrorCode =
  | 'unknown-channel'
  | 'forbidden-sender'
  | 'invalid-payload'
  | 'not-found'
  | 'unavailable'
  | 'transport'
  | 'internal'
  | (string & {});

export interface ErrorBody {
  readonly code: ErrorCode;
  readonly message: string;
}

/** What every request channel answers: exactly one of a result or an error. */
export type Reply<R> = { readonly result: R } | { readonly error: ErrorBody };

/** An error with a machine-readable code, raised by handlers and rebuilt by callers. */
export class ContractError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    // The code also leads the message because Electron's contextBridge copies only an Error's
    // message across worlds; `ContractError.from` recovers it on the renderer side.
    super(`[${code}] ${message}`);
    this.name = 'ContractError';
    this.code = code;
  }

  /** The message without its `[code]` prefix, for showing to a person. */
  get detail(): string {
    return this.message.slice(this.code.length + 3);
  }

  /** Rebuilds a ContractError from anything thrown, keeping the code when one was carried. */
  static from(error: unknown): ContractError {
    if (error instanceof ContractError) return error;
    const message = error instanceof Error ? error.message : String(error);
    const match = /^\[([a-z0-9-]+)\] ([\s\S]*)$/.exec(message);
    return match?.[1] !== undefined && match[2] !== undefined
      ? new ContractError(match[1], match[2])
      : new ContractError('internal', message);
  }
}

/** Checks the shape of a reply that arrived over a transport. */
export function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  if ('result' in value) return true;
  if (!('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

/**
 * Returns the result of a reply, or throws the ContractError it carries. The caller names R: the
 * reply crossed a process boundary, and the contract's channel map is what vouches for its type.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function unwrapReply<R>(reply: unknown): R {
  if (!isReply(reply)) throw new ContractError('transport', 'malformed reply from main process');
  if ('error' in reply) throw new ContractError(reply.error.code, reply.error.message);
  return reply.result as R;
}

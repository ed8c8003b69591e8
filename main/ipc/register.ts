/**
 * THE registration helper. Every request channel of the contract, whatever transport carries it
 * (Electron's ipcMain or the browser host's WebSocket), is registered here and only here, so
 * every call is checked the same way: known channel, trusted sender, arguments valid against the
 * channel's schema; and every outcome is a `{result}` or an `{error: {code, message}}`.
 */
import * as v from 'valibot';
import { ContractError, REQUEST_CHANNELS, requests, type ErrorBody, type Reply } from '../../preload/api';
import type { RequestChannel } from '../../preload/api';
import type { CallContext, HandlerTable } from './handler';
import type { Sender, SenderPolicy } from './sender';

/** A call as a transport received it: nothing about it is trusted yet. */
export interface RawCall {
  readonly args: unknown;
  readonly sender: Sender;
}

export type Responder = (call: RawCall) => Promise<Reply<unknown>>;

/** What a transport offers: a way to route one channel's calls to a responder. */
export interface Registrar {
  handle(channel: RequestChannel, respond: Responder): void;
}

/** Reports failures that are the program's fault rather than the caller's (logged with stacks). */
export type FaultLogger = (channel: string, error: unknown) => void;

const logToStderr: FaultLogger = (channel, error) => {
  console.error(`[ipc] ${channel} failed:`, error);
};

/** Registers every channel of the contract on `registrar`; returns the channel names registered. */
export function registerContract(
  registrar: Registrar,
  table: HandlerTable,
  policy: SenderPolicy,
  logFault: FaultLogger = logToStderr,
): readonly RequestChannel[] {
  for (const channel of REQUEST_CHANNELS) {
    registrar.handle(channel, createResponder(channel, table, policy, logFault));
  }
  return REQUEST_CHANNELS;
}

/** Builds the checked responder for one channel. Exported for transports that route by name. */
export function createResponder(
  channel: RequestChannel,
  table: HandlerTable,
  policy: SenderPolicy,
  logFault: FaultLogger = logToStderr,
): Responder {
  const schema = requests[channel].args;
  // The table's type ties each channel to its handler; indexing by a union loses that link, so
  // the call below goes through one deliberately wide signature, guarded by the schema.
  const handler = table[channel] as (context: CallContext, ...args: readonly unknown[]) => unknown;
  return async ({ args, sender }) => {
    const refusal = policy(sender);
    if (refusal !== null) return fail('forbidden-sender', `${channel}: ${refusal}`);
    const parsed = v.safeParse(schema, args);
    if (!parsed.success) return fail('invalid-payload', `${channel}: ${describeIssues(parsed.issues)}`);
    try {
      return { result: await handler({ sender }, ...parsed.output) };
    } catch (error) {
      if (error instanceof ContractError) return fail(error.code, error.detail);
      logFault(channel, error);
      return fail('internal', `${channel}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

function fail(code: ErrorBody['code'], message: string): Reply<never> {
  return { error: { code, message } };
}

/** Says where the payload went wrong, e.g. `argument 1.email: not an email address`. */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const keys = issue.path?.map((item) => String(item.key)) ?? [];
      // The first key is the tuple index; people count arguments from 1.
      const [index, ...rest] = keys;
      const where = index === undefined ? 'arguments' : [`argument ${Number(index) + 1}`, ...rest].join('.');
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * The contract as a plain object in the same process, through the same checked responders: for
 * headless embedding and for tests that drive renderer code against the real main-side handlers.
 */
import { isRequestChannel, unwrapReply, type WirewatchApi } from '../../preload/api';
import type { EventHub } from './events';
import type { HandlerTable } from './handler';
import { createResponder, type Responder } from './register';
import type { Sender, SenderPolicy } from './sender';

const IN_PROCESS: Sender = { kind: 'host', origin: 'in-process', connection: 0 };
const trustSelf: SenderPolicy = (sender) => (sender === IN_PROCESS ? null : 'not the in-process caller');

export function inProcessApi(table: HandlerTable, events: EventHub): WirewatchApi {
  const responders = new Map<string, Responder>();
  return {
    async invoke(channel, ...args) {
      let respond = responders.get(channel);
      if (respond === undefined && isRequestChannel(channel)) {
        respond = createResponder(channel, table, trustSelf);
        responders.set(channel, respond);
      }
      if (respond === undefined) throw new Error(`no channel named ${channel}`);
      // Arguments are copied as a transport would, so no caller shares objects with main.
      return unwrapReply(await respond({ args: structuredClone(args), sender: IN_PROCESS }));
    },
    on(channel, listener) {
      return events.attach((name, payload) => {
        if (name === channel) (listener as (payload: unknown) => void)(structuredClone(payload));
      });
    },
  };
}

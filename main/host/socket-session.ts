/**
 * One browser's WebSocket: reads calls, routes them through the checked responders, writes replies,
 * and forwards events. A message that is not JSON or not a call gets an error reply; the socket
 * and the host stay up.
 */
import type { RawData, WebSocket } from 'ws';
import type { Reply } from '../../preload/api/errors';
import { isRequestChannel, type EventChannel } from '../../preload/api';
import type { HostMessage, SocketCall } from '../../preload/api/socket-protocol';
import type { Responder } from '../ipc/register';
import type { Sender } from '../ipc/sender';

export function runSocketSession(
  socket: WebSocket,
  sender: Sender,
  responders: ReadonlyMap<string, Responder>,
): (channel: EventChannel, payload: unknown) => void {
  const send = (message: HostMessage): void => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  socket.on('message', (data, isBinary) => {
    const call = readCall(isBinary ? undefined : textOf(data));
    if ('error' in call) {
      send({ kind: 'reply', id: call.id, reply: { error: { code: 'invalid-payload', message: call.error } } });
      return;
    }
    const respond = isRequestChannel(call.channel) ? responders.get(call.channel) : undefined;
    const pending: Promise<Reply<unknown>> =
      respond === undefined
        ? Promise.resolve({ error: { code: 'unknown-channel', message: `no channel named ${call.channel}` } })
        : respond({ args: call.args, sender });
    void pending.then((reply) => send({ kind: 'reply', id: call.id, reply }));
  });

  return (channel, payload) => send({ kind: 'event', channel, payload });
}

/** The text of a message; `ws` hands over a Buffer, or fragments when a message came in pieces. */
function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.concat(Array.isArray(data) ? data : [Buffer.from(data)]).toString('utf8');
}

/** Parses one incoming message into a call, or says why it is not one. */
export function readCall(text: string | undefined): SocketCall | { error: string; id: number | null } {
  if (text === undefined) return { error: 'binary messages are not accepted', id: null };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'message is not JSON', id: null };
  }
  if (typeof value !== 'object' || value === null) return { error: 'message is not an object', id: null };
  const { kind, id, channel, args } = value as Partial<Record<keyof SocketCall, unknown>>;
  const knownId = Number.isSafeInteger(id) ? (id as number) : null;
  if (kind !== 'call') return { error: 'message kind must be "call"', id: knownId };
  if (knownId === null) return { error: 'call id must be an integer', id: null };
  if (typeof channel !== 'string') return { error: 'call channel must be a string', id: knownId };
  if (!Array.isArray(args)) return { error: 'call args must be an array', id: knownId };
  return { kind, id: knownId, channel, args };
}

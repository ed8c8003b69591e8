/** A test's WebSocket client for the browser host: open with chosen headers, read one message. */
import { WebSocket } from 'ws';
import type { HostMessage } from '../../preload/api/socket-protocol';

export type UpgradeOutcome = { outcome: 'open'; socket: WebSocket } | { outcome: number };

/** Opens `/ws<query>` and resolves with 'open' or the HTTP status the upgrade was refused with (-1: no answer). */
export function connectSocket(port: number, query: string, headers: Record<string, string>): Promise<UpgradeOutcome> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, { headers });
    socket.once('open', () => resolve({ outcome: 'open', socket }));
    socket.once('unexpected-response', (_request, response) => resolve({ outcome: response.statusCode ?? 0 }));
    socket.once('error', () => resolve({ outcome: -1 }));
  });
}

export function nextMessage(socket: WebSocket): Promise<HostMessage> {
  return new Promise((resolve) => {
    socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()) as HostMessage));
  });
}

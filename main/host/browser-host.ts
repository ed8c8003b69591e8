/**
 * The browser host: serves the renderer to a browser on 127.0.0.1 and carries the same contract
 * over a WebSocket. How end-to-end tests drive the real UI in Chromium where no Electron binary
 * exists, and how a headless sensor is viewed from a browser.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_SOCKET_MESSAGE_BYTES, SOCKET_PATH } from '../../preload/api/socket-protocol';
import type { AppContext } from '../app/context';
import { registerContract, type Responder } from '../ipc/register';
import { hostSenderPolicy } from '../ipc/sender';
import { createHandlerTable } from '../ipc/table';
import { localOrigins, type LocalOrigins } from './origins';
import { runSocketSession } from './socket-session';
import { serveStatic } from './static-files';
import { receiveUpload, UPLOAD_PATH } from './upload';
import { createToken, tokenMatches } from './token';

export interface HostOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** Folder holding the built renderer (index.html and assets). */
  readonly rendererDir: string;
  readonly app: AppContext;
  /** Where files dropped on the window in a browser are stored (they have no path the host could read). */
  readonly uploadDir: string;
  /** Fixed token for tests; a fresh random one otherwise. */
  readonly token?: string;
}

export interface RunningHost {
  /** The URL to open, token included. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** The only address the host listens on: never reachable from another machine. */
export const HOST_ADDRESS = '127.0.0.1';

export async function startBrowserHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? createToken();
  let allowed: LocalOrigins = localOrigins(options.port);
  const responders = new Map<string, Responder>();
  let connections = 0;

  const server = createServer((request, response) => {
    if (!allowed.hosts.has(request.headers.host ?? '')) {
      response.writeHead(421, { 'Content-Type': 'text/plain' }).end('misdirected request\n');
      return;
    }
    const pathname = new URL(request.url ?? '/', 'http://host').pathname;
    const handled =
      pathname === UPLOAD_PATH
        ? receiveUpload(request, response, { token, allowed, uploadDir: options.uploadDir })
        : serveStatic(options.rendererDir, request, response);
    handled.catch((error: unknown) => {
      console.error('[host] serving a file failed:', error);
      if (!response.headersSent) response.writeHead(500).end();
      else response.destroy();
    });
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });

  server.on('upgrade', (request: IncomingMessage, stream: Duplex, head: Buffer) => {
    const refusal = refuseUpgrade(request, token, allowed);
    if (refusal !== null) {
      stream.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(request, stream, head, (socket) => {
      connections += 1;
      const sender = { kind: 'host', origin: request.headers.origin ?? '', connection: connections } as const;
      const detach = options.app.events.attach(runSocketSession(socket, sender, responders));
      socket.on('close', detach);
      socket.on('error', (error) => console.error('[host] socket error:', error.message));
    });
  });

  // The policy reads `allowed` when called, so it sees the real port once port 0 is resolved.
  registerContract(
    { handle: (channel, respond) => responders.set(channel, respond) },
    createHandlerTable(options.app),
    (sender) => hostSenderPolicy(allowed.origins)(sender),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, HOST_ADDRESS, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowed = localOrigins(port);

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    for (const socket of sockets.clients) socket.terminate();
    await new Promise<void>((resolve) => sockets.close(() => resolve()));
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  };
  return {
    url: `http://${HOST_ADDRESS}:${port}/?token=${token}`,
    port,
    token,
    // Idempotent: a signal handler and a test's cleanup may both close the host.
    close: () => (closing ??= close()),
  };
}

/** Returns the HTTP status line to refuse a WebSocket upgrade with, or null to accept it. */
export function refuseUpgrade(request: IncomingMessage, token: string, allowed: LocalOrigins): string | null {
  const url = new URL(request.url ?? '/', 'http://host');
  if (url.pathname !== SOCKET_PATH) return '404 Not Found';
  if (!allowed.hosts.has(request.headers.host ?? '')) return '421 Misdirected Request';
  if (!allowed.origins.has(request.headers.origin ?? '')) return '403 Forbidden';
  if (!tokenMatches(url.searchParams.get('token'), token)) return '401 Unauthorized';
  return null;
}

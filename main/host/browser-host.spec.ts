import { writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../preload/api/socket-protocol';
import type { AppContext } from '../app/context';
import { startTestHost, type TestHost } from '../testing/test-host';
import type { RunningHost } from './browser-host';
import { connectSocket, nextMessage, type UpgradeOutcome } from '../testing/host-socket';

const TOKEN = 'test-token-0123456789';

let dir: string;
let app: AppContext;
let host: RunningHost;
let running: TestHost;

beforeEach(async () => {
  running = await startTestHost(TOKEN);
  ({ dir, app, host } = running);
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
});

afterEach(() => running.close());

const origin = (): string => running.origin;

/** Opens a socket and resolves with the upgrade's outcome: 'open' or the HTTP status it was refused with. */
function connect(query: string, headers: Record<string, string> = { Origin: origin() }): Promise<UpgradeOutcome> {
  return connectSocket(host.port, query, headers);
}

async function open(): Promise<WebSocket> {
  const result = await connect(`?token=${TOKEN}`);
  if (result.outcome !== 'open') throw new Error(`expected the socket to open, got ${result.outcome}`);
  return result.socket;
}

function get(
  path: string,
  hostHeader = `127.0.0.1:${host.port}`,
): Promise<{ status: number; body: string; csp: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, headers: { Host: hostHeader } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body, csp: String(res.headers['content-security-policy']) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('should listen on 127.0.0.1 only and put the token in the URL it prints', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${TOKEN}`);
  });

  it('should refuse a socket without the token', async () => {
    expect(await connect('')).toEqual({ outcome: 401 });
  });

  it('should refuse a socket with a wrong token', async () => {
    expect(await connect('?token=guess')).toEqual({ outcome: 401 });
    expect(await connect(`?token=${TOKEN}x`)).toEqual({ outcome: 401 });
  });

  it('should refuse a socket from a foreign Origin even with the token', async () => {
    expect(await connect(`?token=${TOKEN}`, { Origin: 'http://evil.example' })).toEqual({ outcome: 403 });
    expect(await connect(`?token=${TOKEN}`, {})).toEqual({ outcome: 403 });
  });

  it('should refuse a socket whose Host is not this machine (DNS rebinding)', async () => {
    expect(await connect(`?token=${TOKEN}`, { Origin: origin(), Host: `evil.example:${host.port}` })).toEqual({
      outcome: 421,
    });
  });

  it('should answer a call through the same contract handlers as Electron', async () => {
    const socket = await open();
    socket.send(JSON.stringify({ kind: 'call', id: 7, channel: 'settings:about', args: [] }));
    const message = await nextMessage(socket);
    expect(message).toMatchObject({ kind: 'reply', id: 7 });
    expect(message).toMatchObject({ reply: { result: { shell: 'browser-host', dataDir: join(dir, 'data') } } });
    socket.close();
  });

  it('should answer a malformed message with an error and keep serving', async () => {
    const socket = await open();
    socket.send('{not json');
    expect(await nextMessage(socket)).toEqual({
      kind: 'reply',
      id: null,
      reply: { error: { code: 'invalid-payload', message: 'message is not JSON' } },
    });
    socket.send(JSON.stringify({ kind: 'call', id: 1, channel: 'settings:get', args: 'nope' }));
    expect(await nextMessage(socket)).toMatchObject({ id: 1, reply: { error: { code: 'invalid-payload' } } });
    socket.send(JSON.stringify({ kind: 'call', id: 2, channel: 'no:such', args: [] }));
    expect(await nextMessage(socket)).toMatchObject({ id: 2, reply: { error: { code: 'unknown-channel' } } });
    socket.send(JSON.stringify({ kind: 'call', id: 3, channel: 'settings:get', args: [] }));
    expect(await nextMessage(socket)).toMatchObject({ id: 3, reply: { result: { closeToTray: true } } });
    socket.close();
  });

  it('should close a socket that sends an oversized message and still accept new ones', async () => {
    const socket = await open();
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send('x'.repeat(MAX_SOCKET_MESSAGE_BYTES + 1));
    expect(await closed).toBe(1009);
    const again = await open();
    again.send(JSON.stringify({ kind: 'call', id: 1, channel: 'settings:get', args: [] }));
    expect(await nextMessage(again)).toMatchObject({ reply: { result: { desktopNotifications: true } } });
    again.close();
  });

  it('should push events to connected sockets', async () => {
    const socket = await open();
    const message = nextMessage(socket);
    app.events.emit('notify:in-app', { title: 'hello', body: 'there' });
    expect(await message).toEqual({
      kind: 'event',
      channel: 'notify:in-app',
      payload: { title: 'hello', body: 'there' },
    });
    socket.close();
  });

  it('should serve the renderer with its CSP and never a file outside it', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Wirewatch</title>');
    expect(page.csp).toContain("script-src 'self'");
    expect((await get('/../secret.txt')).body).not.toContain('outside the renderer');
    expect((await get('/%2e%2e/secret.txt')).body).not.toContain('outside the renderer');
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });

  it('should not serve pages to a foreign Host header', async () => {
    expect((await get('/', 'evil.example')).status).toBe(421);
  });
});

describe('browser host uploads', () => {
  function put(body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: host.port,
          path: '/upload?name=../../etc/evil%20name.pcap',
          method: 'PUT',
          headers: { Host: `127.0.0.1:${host.port}`, ...headers },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('should store an upload from the app under a safe name and answer with its path', async () => {
    const answer = await put('pcap bytes', { Origin: origin(), 'X-Wirewatch-Token': TOKEN });
    expect(answer.status).toBe(201);
    const { path } = JSON.parse(answer.body) as { path: string };
    expect(path.startsWith(join(dir, 'uploads'))).toBe(true);
    expect(path).toMatch(/[0-9a-f]{12}-evil_name\.pcap$/);
  });

  it('should refuse an upload without the token or from a foreign origin', async () => {
    expect((await put('x', { Origin: origin() })).status).toBe(401);
    expect((await put('x', { Origin: origin(), 'X-Wirewatch-Token': 'wrong' })).status).toBe(401);
    expect((await put('x', { Origin: 'http://evil.example', 'X-Wirewatch-Token': TOKEN })).status).toBe(403);
  });
});

/**
 * The browser host under hostile callers, beyond the basic refusals in browser-host.spec.ts: tokens
 * and origins that almost match, thousands of malformed and mutated messages on one socket, binary
 * frames, deep nesting, connection churn and an upload cut off half-way. Each is refused or answered
 * with an error, and the host keeps serving: the last call of every test must still get its result.
 */
import { readdir } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { seededRandom } from '../../common/seeded-random';
import type { HostMessage } from '../../preload/api/socket-protocol';
import type { AppContext } from '../app/context';
import { connectSocket, nextMessage } from '../testing/host-socket';
import { startTestHost, type TestHost } from '../testing/test-host';
import type { RunningHost } from './browser-host';

const TOKEN = 'hostile-token-0123456789abcdef';

let dir = '';
let app: AppContext;
let host: RunningHost;
let running: TestHost;

beforeEach(async () => {
  running = await startTestHost(TOKEN);
  ({ dir, app, host } = running);
});

afterEach(() => running.close());

const origin = (): string => running.origin;

async function open(): Promise<WebSocket> {
  const result = await connectSocket(host.port, `?token=${TOKEN}`, { Origin: origin() });
  if (result.outcome !== 'open') throw new Error(`expected the socket to open, got ${result.outcome}`);
  return result.socket;
}

/** The host still answers a sound call on a fresh socket. */
async function expectServing(): Promise<void> {
  const socket = await open();
  const reply = nextMessage(socket);
  socket.send(JSON.stringify({ kind: 'call', id: 1, channel: 'settings:get', args: [] }));
  expect(await reply).toMatchObject({ kind: 'reply', id: 1, reply: { result: { closeToTray: true } } });
  socket.close();
}

describe('browser host admission', () => {
  it('should refuse tokens that almost match', async () => {
    const near = [
      TOKEN.slice(0, -1),
      `${TOKEN.slice(0, -1)}F`,
      TOKEN.toUpperCase(),
      ` ${TOKEN}`,
      encodeURIComponent(`${TOKEN}\0`),
      // Same length in characters, longer in bytes: the comparison must not trip over it.
      'é'.repeat(TOKEN.length),
      'x'.repeat(10_000),
    ];
    for (const candidate of near) {
      expect(await connectSocket(host.port, `?token=${candidate}`, { Origin: origin() }), candidate).toEqual({
        outcome: 401,
      });
    }
    // The token belongs in the URL the host printed, not in a header a page could be tricked into sending.
    expect(await connectSocket(host.port, '', { Origin: origin(), 'X-Wirewatch-Token': TOKEN })).toEqual({
      outcome: 401,
    });
    await expectServing();
  });

  it('should refuse origins that only look local', async () => {
    const port = host.port;
    for (const foreign of [
      'null',
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${port + 1}`,
      `http://localhost.evil.example:${port}`,
      `http://127.0.0.1.evil.example:${port}`,
      `http://[::1]:${port}`,
      `http://127.0.0.1:${port}/`,
      'file://',
    ]) {
      expect(await connectSocket(port, `?token=${TOKEN}`, { Origin: foreign }), foreign).toEqual({ outcome: 403 });
    }
    await expectServing();
  });

  it('should refuse sockets on any other path', async () => {
    const result = await new Promise<number>((resolve) => {
      void connectSocket(host.port, `/../?token=${TOKEN}`, { Origin: origin() }).then((outcome) =>
        resolve(outcome.outcome === 'open' ? 0 : outcome.outcome),
      );
    });
    expect(result).not.toBe(0);
    await expectServing();
  });
});

describe('browser host messages', () => {
  /** Mutations of a sound call, seeded: truncations, byte flips, type swaps, hostile shapes. */
  function hostileMessage(random: () => number, n: number): string | Buffer {
    // Sound, and harmless if a mutation leaves it sound: it sets the value the setting already has.
    const sound = JSON.stringify({ kind: 'call', id: n, channel: 'settings:update', args: [{ closeToTray: true }] });
    const pick = Math.floor(random() * 12);
    switch (pick) {
      case 0:
        return sound.slice(0, Math.floor(random() * sound.length));
      case 1: {
        const bytes = Buffer.from(sound);
        for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips--) {
          const at = Math.floor(random() * bytes.length);
          bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(random() * 8));
        }
        return bytes.toString('latin1');
      }
      case 2:
        return Buffer.from(sound); // a binary frame
      case 3:
        return JSON.stringify({ kind: 'call', id: n, channel: 'settings:update', args: [{ closeToTray: 'yes' }] });
      case 4:
        return JSON.stringify({ kind: 'call', id: n, channel: '__proto__', args: [] });
      case 5:
        return `{"kind":"call","id":${n},"channel":"settings:update","args":[{"__proto__":{"closeToTray":false}}]}`;
      case 6:
        return JSON.stringify({ kind: 'call', id: n, channel: 'settings:get', args: '['.repeat(50) });
      case 7:
        // Deep nesting inside the size limit: parsed or refused, never a crash.
        return `{"kind":"call","id":${n},"channel":"settings:update","args":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
      case 8:
        return JSON.stringify({ kind: 'call', id: Number.MAX_SAFE_INTEGER + 2, channel: 'settings:get', args: [] });
      case 9:
        return JSON.stringify({ kind: 'reply', id: n, reply: { result: 1 } });
      case 10:
        return JSON.stringify({
          kind: 'call',
          id: n,
          channel: 'settings:update',
          args: [{ closeToTray: false, extra: 1 }],
        });
      default:
        return JSON.stringify([n, 'settings:get']);
    }
  }

  it(
    'should answer 3,000 hostile messages on one socket with errors, one reply each, and change nothing',
    { timeout: 60_000 },
    async () => {
      const before = await app.settings.get();
      const socket = await open();
      const replies: Extract<HostMessage, { kind: 'reply' }>[] = [];
      const events: string[] = [];
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as HostMessage;
        if (message.kind === 'reply') replies.push(message);
        else events.push(message.channel);
      });
      const random = seededRandom(8_080);
      const COUNT = 3_000;
      for (let n = 0; n < COUNT; n++) socket.send(hostileMessage(random, n));
      socket.send(JSON.stringify({ kind: 'call', id: COUNT, channel: 'settings:get', args: [] }));
      await expect.poll(() => replies.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(COUNT + 1);
      // Nothing more may come: exactly one reply per message.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(replies).toHaveLength(COUNT + 1);
      expect(replies.find((reply) => reply.id === COUNT)).toMatchObject({ reply: { result: { closeToTray: true } } });
      // Most are refused; a mutation that leaves the call sound (a flipped digit of its id) sets what was set.
      const refused = replies.flatMap((reply) => ('error' in reply.reply ? [reply.reply.error] : []));
      expect(refused.length).toBeGreaterThan(COUNT * 0.8);
      const internal = refused.filter((error) => error.code === 'internal');
      expect(internal).toEqual([]);
      expect(await app.settings.get()).toEqual(before);
      expect(new Set(events)).toEqual(new Set(events.length === 0 ? [] : ['settings:changed']));
      // No prototype was polluted by a `__proto__` key.
      expect(({} as Record<string, unknown>).closeToTray).toBeUndefined();
      socket.close();
      await expectServing();
    },
  );

  it('should survive sockets opened and dropped mid-call by the hundred', async () => {
    for (let round = 0; round < 100; round++) {
      const socket = await open();
      socket.send(JSON.stringify({ kind: 'call', id: round, channel: 'settings:about', args: [] }));
      if (round % 2 === 0) socket.terminate();
      else socket.close();
    }
    await expectServing();
  });
});

describe('browser host uploads', () => {
  it('should leave no partial file behind when an upload is cut off, and keep serving', async () => {
    await new Promise<void>((resolve) => {
      const request = httpRequest({
        host: '127.0.0.1',
        port: host.port,
        path: '/upload?name=cut.pcap',
        method: 'PUT',
        headers: {
          Host: `127.0.0.1:${host.port}`,
          Origin: origin(),
          'X-Wirewatch-Token': TOKEN,
          'Content-Length': String(1_000_000),
        },
      });
      request.on('error', () => resolve());
      request.write(Buffer.alloc(64 * 1024, 0xd4), () => {
        // Give the host time to start writing, then vanish mid-body.
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 50);
      });
    });
    await expect
      .poll(async () => (await readdir(join(dir, 'uploads')).catch(() => [] as string[])).length, { timeout: 5_000 })
      .toBe(0);
    await expectServing();
  });
});

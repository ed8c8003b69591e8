// The renderer's WebSocket transport against the real browser host, with the `ws` client standing
// in for the browser's WebSocket (same API).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ContractError } from '../../preload/api';
import { SocketClient } from '../../renderer/transport/socket-client';
import type { AppContext } from '../app/context';
import { createTestApp } from '../testing/test-app';
import { startBrowserHost, type RunningHost } from './browser-host';

let dir: string;
let app: AppContext;
let host: RunningHost;
let client: SocketClient;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-client-'));
  app = createTestApp(dir);
  host = await startBrowserHost({ port: 0, rendererDir: dir, app, uploadDir: join(dir, 'uploads') });
  const origin = `http://127.0.0.1:${host.port}`;
  client = new SocketClient(
    `ws://127.0.0.1:${host.port}/ws?token=${host.token}`,
    (url) => new WebSocket(url, { headers: { Origin: origin } }),
  );
});

afterEach(async () => {
  client.close();
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SocketClient with the browser host', () => {
  it('should call a channel and get its typed result', async () => {
    const settings = await client.invoke('settings:update', { closeToTray: false });
    expect(settings).toEqual({ closeToTray: false, desktopNotifications: true, startAtLogin: false });
  });

  it('should rebuild a handler error as a ContractError with its code', async () => {
    const failure = await client.invoke('analysis:start', join(dir, 'missing.pcap')).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ContractError);
    expect(failure).toMatchObject({ code: 'not-found' });
  });

  it('should deliver events pushed by main', async () => {
    const received = new Promise((resolve) => client.on('settings:changed', resolve));
    await client.invoke('settings:update', { desktopNotifications: false });
    await expect(received).resolves.toEqual({ closeToTray: true, desktopNotifications: false, startAtLogin: false });
  });

  it('should show a test notification in the window when serving a browser', async () => {
    const notice = new Promise((resolve) => client.on('notify:in-app', resolve));
    await expect(client.invoke('notify:test-desktop')).resolves.toEqual({ delivery: 'in-app' });
    await expect(notice).resolves.toMatchObject({ title: 'Wirewatch test notification' });
  });

  it('should fail calls in flight with a transport error when the host goes away', async () => {
    await client.invoke('settings:get');
    const states: string[] = [];
    client.onState((state) => states.push(state));
    await host.close();
    await expect(client.invoke('settings:get')).rejects.toMatchObject({ code: 'transport' });
    expect(states).toContain('closed');
  });
});

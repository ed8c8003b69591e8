import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisSummary, WirewatchApi } from '../../preload/api';
import type { AppContext } from '../app/context';
import { sampleAlert } from '../notify/testing/sample-alert';
import { sampleContact } from '../notify/testing/sample-contact';
import { startSmtpServer, type SmtpTestServer } from '../notify/testing/smtp-test-server';
import { startHttpServer, type HttpTestServer } from '../notify/testing/http-test-server';
import { createTestApp } from '../testing/test-app';
import { inProcessApi } from './in-process';
import { createHandlerTable } from './table';

const SMTP_PASSWORD = 'smtp-pw-9f3a1c';
const SMS_TOKEN = 'sms-token-77b2e0';
const WEBHOOK_SECRET = 'hook-secret-c4d5e6';

let dir: string;
let app: AppContext;
let api: WirewatchApi;
let smtp: SmtpTestServer;
let http: HttpTestServer;
let logged: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-notify-ipc-'));
  logged = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 8 }))).join(' '));
    });
  }
  smtp = await startSmtpServer({ mode: 'plain', login: { user: 'sensor', password: 'not-the-one-we-send' } });
  http = await startHttpServer(() => ({ status: 401, body: JSON.stringify({ message: 'Authenticate' }) }));
  app = createTestApp(dir);
  api = inProcessApi(createHandlerTable(app), app.events);
});
afterEach(async () => {
  app.notify.stop();
  vi.restoreAllMocks();
  await smtp.close();
  await http.close();
  await rm(dir, { recursive: true, force: true });
});

describe('notify and contacts channels', () => {
  it('should never put a secret in a reply, an event, a log line or a plain file', async () => {
    const events: unknown[] = [];
    app.events.attach((channel, payload) => events.push({ channel, payload }));
    const replies: unknown[] = [];
    const call = async <T>(reply: Promise<T>): Promise<T> => {
      const value = await reply;
      replies.push(value);
      return value;
    };

    const view = await call(
      api.invoke('notify:update-settings', {
        smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: 'sensor', from: 'alerts@wirewatch.test' },
        smtpPassword: SMTP_PASSWORD,
        sms: { apiBase: http.url, accountSid: 'AC1', from: '+15005550006' },
        smsToken: SMS_TOKEN,
      }),
    );
    expect(view).toMatchObject({ smtpPasswordSet: true, smsTokenSet: true, secretKeeping: 'install-key' });
    const contact = sampleContact({
      phone: '+14155550123',
      webhook: `${http.url}/hook`,
      channels: ['email', 'sms', 'webhook'],
    });
    await call(api.invoke('contacts:sync', [contact]));
    await call(api.invoke('contacts:set-webhook-secret', contact.id, WEBHOOK_SECRET));
    await expect(call(api.invoke('contacts:signed-webhooks'))).resolves.toEqual([contact.id]);
    await call(api.invoke('notify:settings'));

    // Every channel fails (refused password, refused token, refused signature): errors are where secrets leak.
    const results = await call(api.invoke('contacts:send-test', contact));
    expect(results.map((result) => [result.channel, result.ok])).toEqual([
      ['email', false],
      ['sms', false],
      ['webhook', false],
    ]);
    expect(results[0]?.detail).toMatch(/^the SMTP server refused the user name or password: 535/);
    expect(results[1]?.detail).toBe('the SMS provider refused the account SID or token (HTTP 401: Authenticate)');
    expect(results[2]?.detail).toBe('the webhook answered HTTP 401: {"message":"Authenticate"}');
    // The real flow too: an alert routed, queued and failed through the queue.
    app.alerts.publish([sampleAlert({ severity: 'critical' })]);
    await app.notify.idle();
    // The queue runs on the real clock here: its first attempt is due at once.
    await expect
      .poll(async () => (await call(api.invoke('notify:deliveries', null))).map((delivery) => delivery.state), {
        timeout: 10_000,
      })
      .toEqual(['failed', 'failed', 'failed']);

    // The webhook received the signature, which is derived from the secret, never the secret.
    expect(http.received.some((request) => request.headers['x-wirewatch-signature'] !== undefined)).toBe(true);
    const everything = [
      JSON.stringify(replies),
      JSON.stringify(events),
      logged.join('\n'),
      ...(await Promise.all(
        (await readdir(dir, { recursive: true })).map((name) => readFile(join(dir, name)).then(String, () => '')),
      )),
    ].join('\n');
    for (const secret of [SMTP_PASSWORD, SMS_TOKEN, WEBHOOK_SECRET]) expect(everything).not.toContain(secret);
    expect(logged.some((line) => line.includes('failed after 1 attempt'))).toBe(true);
  });

  it('should report a setting the schema refuses with the field and the reason', async () => {
    await expect(
      api.invoke('notify:update-settings', {
        smtp: { host: 'mail example', port: 70000, tls: 'none', user: '', from: '' },
      }),
    ).rejects.toThrow(
      /argument 1\.smtp\.host: a host name or address, no spaces or slashes; argument 1\.smtp\.port: to 65535/,
    );
  });

  it('should save the session report of a finished analysis and hand it back', async () => {
    app.alerts.publish([sampleAlert({ source: { type: 'file', path: '/captures/lab.pcap' } })]);
    app.events.emit('analysis:finished', { id: 'analysis-7', summary: labSummary() });
    await expect
      .poll(() =>
        api.invoke('notify:session-report', 'analysis-7').then(
          (report) => report.path,
          () => null,
        ),
      )
      .toBe(join(dir, 'reports', 'analysis-7.html'));
    const { html } = await api.invoke('notify:session-report', 'analysis-7');
    expect(html).toContain('<h1>Wirewatch session report: lab.pcap</h1>');
    expect(html).toContain('<dt>port_scan</dt>');
    await expect(api.invoke('notify:session-report', 'analysis-8')).rejects.toThrow(
      'no session report is kept for analysis analysis-8',
    );
  });

  it('should pause and resume notifications', async () => {
    const { pausedUntil } = await api.invoke('notify:pause', 60);
    expect(pausedUntil).toBeGreaterThan(Date.now() + 59 * 60_000);
    await expect(api.invoke('notify:settings')).resolves.toMatchObject({ pausedUntil });
    await expect(api.invoke('notify:pause', 0)).resolves.toEqual({ pausedUntil: null });
  });
});

function labSummary(): AnalysisSummary {
  return {
    file: { path: '/captures/lab.pcap', name: 'lab.pcap', bytes: 10, format: 'pcap', byteOrder: 'little' },
    packets: 10,
    wireBytes: 1000,
    capturedBytes: 1000,
    firstSeen: 1_767_268_800,
    lastSeen: 1_767_268_810,
    protocols: [{ protocol: 'tcp', packets: 10, bytes: 1000 }],
    linkTypes: [],
    timeline: { start: null, bucketSeconds: 1, packets: [], bytes: [] },
    topTalkers: [],
    topConversations: [],
    flows: { total: 1, evicted: 0 },
    decodeFailures: [],
    alerts: { total: 1, byKind: [] },
    problem: null,
    cancelled: false,
    elapsedMs: 10,
    packetsPerSecond: 1000,
  };
}

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeliveryStatus } from '../../preload/api/notify';
import { installKeyCipher } from '../secrets/install-key-cipher';
import { SecretStore } from '../secrets/secret-store';
import { alertEmail } from './alert-message';
import { channelSender } from './channels';
import { DeliveryQueue, backoffDelay, type BackoffPolicy } from './delivery-queue';
import { ManualClock } from './manual-clock';
import { NotifySettings } from './notify-settings';
import { unusedPort } from './testing/http-test-server';
import { sampleAlert } from './testing/sample-alert';
import { startSmtpServer, type SmtpTestServer } from './testing/smtp-test-server';

const BACKOFF: BackoffPolicy = { firstDelayMs: 30_000, maxDelayMs: 120_000, maxAttempts: 4 };

let dir: string;
let settings: NotifySettings;
let server: SmtpTestServer | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-queue-'));
  settings = new NotifySettings(dir, new SecretStore(dir, installKeyCipher(join(dir, 'install.key'))));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

const email = (): Parameters<DeliveryQueue['enqueue']>[0] => {
  const content = alertEmail(sampleAlert());
  return {
    kind: 'alert',
    alertIds: ['a1'],
    contactId: 'c1',
    contactName: 'Ops',
    subject: content.subject,
    message: { channel: 'email', to: 'ops@example.org', ...content },
  };
};

async function pointSmtpAt(port: number): Promise<void> {
  await settings.update({ smtp: { host: '127.0.0.1', port, tls: 'none', user: '', from: 'alerts@wirewatch.test' } });
}

describe('backoffDelay', () => {
  it('should double from the first delay up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempts) => backoffDelay(BACKOFF, attempts))).toEqual([
      30_000, 60_000, 120_000, 120_000, 120_000,
    ]);
  });
});

describe('DeliveryQueue', () => {
  it('should retry an unreachable SMTP server with backoff, then mark the delivery failed and keep it', async () => {
    await pointSmtpAt(await unusedPort());
    const clock = new ManualClock();
    const queue = new DeliveryQueue(dir, channelSender(settings), clock, BACKOFF);
    const seen: DeliveryStatus[] = [];
    queue.onChange((status) => seen.push(status));
    const queued = await queue.enqueue(email());
    const start = clock.now();

    clock.advance(0);
    await queue.settled();
    let [status] = await queue.list('a1');
    expect(status).toMatchObject({ state: 'queued', attempts: 1, nextAttemptAt: start + 30_000 });
    expect(status?.lastError).toContain('ECONNREFUSED');

    // Nothing happens before the backoff is over.
    clock.advance(29_999);
    await queue.settled();
    expect((await queue.list('a1'))[0]?.attempts).toBe(1);

    for (const wait of [1, 60_000, 120_000]) {
      clock.advance(wait);
      await queue.settled();
    }
    [status] = await queue.list('a1');
    expect(status).toMatchObject({ id: queued.id, state: 'failed', attempts: 4, nextAttemptAt: null });
    expect(seen.map((change) => `${change.state}:${change.attempts}`)).toEqual([
      'queued:0',
      'queued:1',
      'queued:2',
      'queued:3',
      'failed:4',
    ]);
    expect(clock.nextAt).toBeNull();
    queue.stop();
  });

  it('should resume a queued delivery after a restart and deliver it once the server is back', async () => {
    const port = await unusedPort();
    await pointSmtpAt(port);
    const clock = new ManualClock();
    const before = new DeliveryQueue(dir, channelSender(settings), clock, BACKOFF);
    await before.enqueue(email());
    clock.advance(0);
    await before.settled();
    before.stop();
    expect(JSON.parse(await readFile(join(dir, 'deliveries.json'), 'utf8'))).toHaveLength(1);

    // The app restarts; meanwhile the mail server came up (on another port, set in Settings).
    server = await startSmtpServer({ mode: 'plain' });
    await pointSmtpAt(server.port);
    const after = new DeliveryQueue(dir, channelSender(settings), clock, BACKOFF);
    await after.start();
    clock.advance(30_000);
    await after.settled();
    expect((await after.list('a1'))[0]).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
    const [mail] = await server.waitFor(1);
    expect(mail?.subject).toBe('[Wirewatch] HIGH port_scan: 10.77.0.66 -> 10.77.0.10');
    after.stop();
  });

  it('should fail at once on bad credentials and send again after a retry', async () => {
    server = await startSmtpServer({ mode: 'plain', login: { user: 'sensor', password: 'right' } });
    await settings.update({
      smtp: { host: '127.0.0.1', port: server.port, tls: 'none', user: 'sensor', from: 'alerts@wirewatch.test' },
      smtpPassword: 'wrong',
    });
    const clock = new ManualClock();
    const queue = new DeliveryQueue(dir, channelSender(settings), clock, BACKOFF);
    const { id } = await queue.enqueue(email());
    clock.advance(0);
    await queue.settled();
    expect((await queue.list(null))[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await queue.list(null))[0]?.lastError).toMatch(/refused the user name or password/);

    await settings.update({ smtpPassword: 'right' });
    await queue.retry(id);
    clock.advance(0);
    await queue.settled();
    expect((await queue.list(null))[0]).toMatchObject({ state: 'sent' });
    await server.waitFor(1);
    queue.stop();
  });
});

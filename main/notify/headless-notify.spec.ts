import { createHmac } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../cli';
import { captureOutput } from '../testing/captured-output';
import { parseNotifyConfig } from './notify-config';
import { startHttpServer, type HttpTestServer } from './testing/http-test-server';
import { startSmtpServer, type SmtpTestServer } from './testing/smtp-test-server';

const DEMO = resolve(import.meta.dirname, '..', '..', 'resources', 'demo', 'demo.pcap');
const output = captureOutput();

let dir: string;
let smtp: SmtpTestServer;
let hook: HttpTestServer;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-headless-'));
  smtp = await startSmtpServer({ mode: 'plain', login: { user: 'sensor', password: 'env-password-1' } });
  hook = await startHttpServer(() => ({ status: 204, body: '' }));
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await smtp.close();
  await hook.close();
  await rm(dir, { recursive: true, force: true });
});

describe('wirewatch analyze --notify', () => {
  it(
    'should mail and post the contacts who want the demo capture attacks, and not the others',
    { timeout: 30_000 },
    async () => {
      vi.stubEnv('WW_SMTP_PASSWORD', 'env-password-1');
      vi.stubEnv('WW_HOOK_SECRET', 'env-hook-secret');
      const config = join(dir, 'notify.json');
      await writeFile(
        config,
        JSON.stringify({
          smtp: {
            host: '127.0.0.1',
            port: smtp.port,
            secure: 'none',
            user: 'sensor',
            passwordEnv: 'WW_SMTP_PASSWORD',
            from: 'sensor@wirewatch.test',
          },
          contacts: [
            {
              name: 'SSH owner',
              email: 'ssh@example.org',
              channels: ['email'],
              kinds: ['brute_force'],
              sessionReport: true,
            },
            { name: 'Pager', email: 'pager@example.org', channels: ['email'], minSeverity: 'critical' },
            {
              name: 'Chat',
              webhook: `${hook.url}/chat`,
              webhookSecretEnv: 'WW_HOOK_SECRET',
              channels: ['webhook'],
              minSeverity: 'high',
            },
          ],
          policy: { digestMinutes: 5 },
        }),
      );
      expect(await runCli(['analyze', DEMO, '--no-models', '--notify', config])).toBe(0);

      const mails = await smtp.waitFor(2);
      expect(mails.map((mail) => [mail.to, mail.subject])).toEqual([
        [['ssh@example.org'], '[Wirewatch] HIGH brute_force: 10.77.0.66 -> 10.77.0.10'],
        [['ssh@example.org'], '[Wirewatch] Session report demo.pcap: 3 alerts'],
      ]);
      expect(mails[1]?.text).toContain('Recommendations');
      // The webhook got the two high alerts, each signed with the secret from the environment.
      const posted = hook.received.map((request) => JSON.parse(request.body) as { alert: { kind: string } });
      expect(posted.map((body) => body.alert.kind).sort()).toEqual(['brute_force', 'dns_tunnel']);
      for (const request of hook.received) {
        expect(request.headers['x-wirewatch-signature']).toBe(
          `sha256=${createHmac('sha256', 'env-hook-secret').update(request.body).digest('hex')}`,
        );
      }
      expect(output.stderr()).toContain('wirewatch analyze: notified: alert to SSH owner by email (ssh@example.org)\n');
      expect(output.stderr()).toContain(
        'wirewatch analyze: notified: session-report to SSH owner by email (ssh@example.org)\n',
      );
      expect(output.stderr()).not.toContain('Pager');
      expect(output.stderr()).not.toContain('env-password-1');
    },
  );

  it('should refuse a config naming an unset variable or holding a secret, in one line, before analysing', async () => {
    const config = join(dir, 'notify.json');
    await writeFile(
      config,
      JSON.stringify({
        smtp: { host: '127.0.0.1', port: smtp.port, passwordEnv: 'WW_NOT_SET', from: 'sensor@wirewatch.test' },
        contacts: [{ name: 'Ops', email: 'ops@example.org', channels: ['email'] }],
      }),
    );
    expect(await runCli(['analyze', DEMO, '--notify', config])).toBe(1);
    expect(output.stderr()).toBe(
      `wirewatch analyze: the notify config ${config} names environment variables that are not set: WW_NOT_SET\n`,
    );
    expect(() =>
      parseNotifyConfig(
        {
          smtp: { host: 'mail', from: 'a@b.org', password: 'plain' },
          contacts: [{ name: 'Ops', channels: ['email'] }],
        },
        'x.json',
      ),
    ).toThrow(/the notify config x\.json is not valid: smtp\.password: Invalid key/);
  });

  it('should explain each contact that is wrong', () => {
    expect(() =>
      parseNotifyConfig({ contacts: [{ name: 'Ops', email: 'nope', channels: ['email', 'pigeon'] }] }, 'x.json'),
    ).toThrow(
      'the notify config x.json is not valid: contacts.0 (Ops): email: not an email address; channels.1: Invalid type',
    );
  });
});

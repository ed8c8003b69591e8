import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installKeyCipher } from '../secrets/install-key-cipher';
import { SecretStore } from '../secrets/secret-store';
import { alertSms } from './alert-message';
import { channelSender } from './channels';
import { NotifySettings, webhookSecretName } from './notify-settings';
import { smsLength } from './sms-text';
import { startHttpServer, type HttpTestServer } from './testing/http-test-server';
import { sampleAlert } from './testing/sample-alert';
import { startSmtpServer, type SmtpTestServer } from './testing/smtp-test-server';
import { signBody } from './webhook-channel';

let dir: string;
let settings: NotifySettings;
let smtp: SmtpTestServer;
let http: HttpTestServer;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-channels-'));
  settings = new NotifySettings(dir, new SecretStore(dir, installKeyCipher(join(dir, 'install.key'))));
  smtp = await startSmtpServer({ mode: 'plain' });
  http = await startHttpServer(() => ({ status: 201, body: JSON.stringify({ sid: 'SM9' }) }));
  await settings.update({
    smtp: { host: '127.0.0.1', port: smtp.port, tls: 'none', user: '', from: 'alerts@wirewatch.test' },
    sms: { apiBase: http.url, accountSid: 'AC1', from: '+15005550006' },
    smsToken: 'token-1',
  });
});
afterEach(async () => {
  await smtp.close();
  await http.close();
  await rm(dir, { recursive: true, force: true });
});

describe('channelSender', () => {
  it('should send an SMS through an email-to-SMS gateway as a one-segment mail to the national number', async () => {
    const text = alertSms(sampleAlert());
    expect(smsLength(text).segments).toBe(1);
    await channelSender(settings)({ channel: 'sms', to: '+14155550123', text, gateway: 'vtext.com' }, 'd1');
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['4155550123@vtext.com']);
    expect(mail?.text).toContain(text);
    expect(http.received).toEqual([]);
  });

  it('should send an SMS through the provider API with the stored token', async () => {
    await expect(
      channelSender(settings)({ channel: 'sms', to: '+447700900123', text: 'hello', gateway: null }, 'd2'),
    ).resolves.toBe('201 accepted as SM9');
    expect(http.received[0]?.headers.authorization).toBe(`Basic ${Buffer.from('AC1:token-1').toString('base64')}`);
  });

  it('should sign a webhook with the contact secret from the store', async () => {
    await settings.secrets.set(webhookSecretName('c1'), 'contact-secret');
    await channelSender(settings)(
      { channel: 'webhook', url: `${http.url}/h`, body: '{"event":"test"}', format: 'json', contactId: 'c1' },
      'd3',
    );
    expect(http.received[0]?.headers['x-wirewatch-signature']).toBe(signBody('contact-secret', '{"event":"test"}'));
  });
});

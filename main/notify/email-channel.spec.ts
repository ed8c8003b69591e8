import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SmtpSettings } from '../../preload/api/notify';
import { alertEmail } from './alert-message';
import { sendMail } from './email-channel';
import { DeliveryError } from './outgoing';
import { unusedPort } from './testing/http-test-server';
import { selfSignedCertificate } from './testing/self-signed';
import { sampleAlert } from './testing/sample-alert';
import { startSmtpServer, type SmtpTestServer } from './testing/smtp-test-server';

let server: SmtpTestServer | undefined;
let tlsPair: { key: string; cert: string };

beforeAll(async () => {
  tlsPair = await selfSignedCertificate();
}, 30_000);
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const smtp = (port: number, overrides: Partial<SmtpSettings> = {}): SmtpSettings => ({
  host: '127.0.0.1',
  port,
  tls: 'none',
  user: '',
  from: 'Wirewatch <alerts@wirewatch.test>',
  ...overrides,
});

describe('sendMail', () => {
  it('should deliver an alert with its summary, evidence and id in plain text and HTML', async () => {
    server = await startSmtpServer({ mode: 'plain' });
    const content = alertEmail(sampleAlert());
    const answer = await sendMail(
      { settings: smtp(server.port), password: null },
      { to: 'ops@example.org', ...content },
    );
    expect(answer).toMatch(/^250/);
    const [mail] = await server.waitFor(1);
    expect(mail?.to).toEqual(['ops@example.org']);
    expect(mail?.from).toBe('alerts@wirewatch.test');
    expect(mail?.subject).toBe('[Wirewatch] HIGH port_scan: 10.77.0.66 -> 10.77.0.10');
    expect(mail?.text).toContain('Content-Type: text/plain');
    expect(mail?.text).toContain('Content-Type: text/html');
    expect(mail?.text).toContain('10.77.0.66 probed 20 ports on 10.77.0.10 within 60 s');
    expect(mail?.text).toContain('ports: [22,80,443]');
    expect(mail?.text).toContain('Alert id: a1');
    expect(mail?.text).toContain('<th align="left">Alert id</th><td>a1</td>');
  });

  it('should upgrade with STARTTLS, trusting the given certificate, and log in', async () => {
    server = await startSmtpServer({
      mode: 'starttls',
      ...tlsPair,
      login: { user: 'sensor', password: 'right horse' },
    });
    await sendMail(
      { settings: smtp(server.port, { tls: 'starttls', user: 'sensor' }), password: 'right horse' },
      { to: 'ops@example.org', subject: 'over tls', text: 'hello' },
      { ca: tlsPair.cert },
    );
    const [mail] = await server.waitFor(1);
    expect(mail).toMatchObject({ secure: true, user: 'sensor', subject: 'over tls' });
  });

  it('should speak implicit TLS on a TLS port', async () => {
    server = await startSmtpServer({ mode: 'tls', ...tlsPair });
    await sendMail(
      { settings: smtp(server.port, { tls: 'tls' }), password: null },
      { to: 'ops@example.org', subject: 'implicit', text: 'hello' },
      { ca: tlsPair.cert },
    );
    const [mail] = await server.waitFor(1);
    expect(mail).toMatchObject({ secure: true, subject: 'implicit' });
  });

  it('should refuse a certificate it does not trust, permanently, without sending', async () => {
    server = await startSmtpServer({ mode: 'starttls', ...tlsPair });
    const sent = sendMail(
      { settings: smtp(server.port, { tls: 'starttls' }), password: null },
      { to: 'ops@example.org', subject: 'x', text: 'y' },
    );
    const failure = await sent.catch((error: unknown) => error);
    expect(failure).toMatchObject({ permanent: true });
    expect((failure as Error).message).toMatch(/TLS with the SMTP server failed: .*self[- ]signed/);
    expect(server.received).toEqual([]);
  });

  it('should report refused credentials as a permanent failure with the server reply and without the password', async () => {
    server = await startSmtpServer({
      mode: 'starttls',
      ...tlsPair,
      login: { user: 'sensor', password: 'right horse' },
    });
    const failure = await sendMail(
      { settings: smtp(server.port, { tls: 'starttls', user: 'sensor' }), password: 'wrong-battery-staple' },
      { to: 'ops@example.org', subject: 'x', text: 'y' },
      { ca: tlsPair.cert },
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(DeliveryError);
    expect(failure).toMatchObject({ permanent: true });
    expect((failure as Error).message).toMatch(/refused the user name or password: 535 .*Invalid username or password/);
    expect((failure as Error).message).not.toContain('wrong-battery-staple');
    expect(server.received).toEqual([]);
  });

  it('should report an unreachable server as a failure worth retrying', async () => {
    const port = await unusedPort();
    const failure = await sendMail(
      { settings: smtp(port), password: null },
      { to: 'ops@example.org', subject: 'x', text: 'y' },
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({ permanent: false });
    expect((failure as Error).message).toContain('ECONNREFUSED');
  });

  it('should refuse to send without a server or From address', async () => {
    await expect(
      sendMail({ settings: smtp(25, { host: '' }), password: null }, { to: 'a@b.org', subject: 'x', text: 'y' }),
    ).rejects.toThrow('no SMTP server is set');
  });
});

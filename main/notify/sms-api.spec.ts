import { afterEach, describe, expect, it } from 'vitest';
import type { SmsSettings } from '../../preload/api/notify';
import { sendSmsByApi } from './sms-api';
import { startHttpServer, unusedPort, type HttpTestServer } from './testing/http-test-server';

let server: HttpTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SID = 'AC0123456789abcdef';
const TOKEN = 'tok-secret-42';

/** Answers like Twilio: 201 with the message resource for the right credentials, 401 otherwise. */
async function twilioLike(): Promise<HttpTestServer> {
  return startHttpServer((request) => {
    const expected = `Basic ${Buffer.from(`${SID}:${TOKEN}`).toString('base64')}`;
    if (request.headers.authorization !== expected) {
      return { status: 401, body: JSON.stringify({ code: 20003, message: 'Authenticate', status: 401 }) };
    }
    return { status: 201, body: JSON.stringify({ sid: 'SM1', status: 'queued' }) };
  });
}

const settings = (apiBase: string): SmsSettings => ({ apiBase, accountSid: SID, from: '+15005550006' });

describe('sendSmsByApi', () => {
  it('should post To, From and Body to the account Messages resource with Basic auth', async () => {
    server = await twilioLike();
    await expect(sendSmsByApi(settings(server.url), TOKEN, '+14155550123', 'Wirewatch HIGH port_scan')).resolves.toBe(
      '201 accepted as SM1',
    );
    const [request] = server.received;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe(`/2010-04-01/Accounts/${SID}/Messages.json`);
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({
      To: '+14155550123',
      From: '+15005550006',
      Body: 'Wirewatch HIGH port_scan',
    });
  });

  it('should report a refused token as permanent, in the provider words, without the token', async () => {
    server = await twilioLike();
    const failure = await sendSmsByApi(settings(server.url), 'wrong-token', '+14155550123', 'x').catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({
      permanent: true,
      message: 'the SMS provider refused the account SID or token (HTTP 401: Authenticate)',
    });
    expect((failure as Error).message).not.toContain('wrong-token');
  });

  it('should retry a provider answering 503 and an unreachable one', async () => {
    server = await startHttpServer(() => ({ status: 503, body: '' }));
    await expect(sendSmsByApi(settings(server.url), TOKEN, '+14155550123', 'x')).rejects.toMatchObject({
      permanent: false,
      message: 'the SMS provider answered HTTP 503',
    });
    const port = await unusedPort();
    const failure = await sendSmsByApi(settings(`http://127.0.0.1:${port}`), TOKEN, '+14155550123', 'x').catch(
      (error: unknown) => error,
    );
    expect(failure).toMatchObject({ permanent: false });
    expect((failure as Error).message).toContain('ECONNREFUSED');
  });

  it('should say what is missing before calling anyone', async () => {
    await expect(sendSmsByApi(settings('http://127.0.0.1:9'), null, '+14155550123', 'x')).rejects.toThrow(
      'no SMS account is set',
    );
  });
});

import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { webhookBody } from './alert-message';
import { sampleAlert } from './testing/sample-alert';
import { startHttpServer, type HttpTestServer, type ReceivedRequest } from './testing/http-test-server';
import { DELIVERY_HEADER, SIGNATURE_HEADER, postWebhook } from './webhook-channel';

let server: HttpTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const SECRET = 'shared-secret-for-hmac';

/** What a receiver does: recompute the HMAC over the raw body and compare in constant time. */
function signatureValid(request: ReceivedRequest, secret: string): boolean {
  const header = request.headers[SIGNATURE_HEADER];
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(request.body).digest('hex')}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('postWebhook', () => {
  it('should post the alert in the DESIGN.md schema with a valid HMAC-SHA256 signature', async () => {
    server = await startHttpServer((request) =>
      signatureValid(request, SECRET) ? { status: 204, body: '' } : { status: 401, body: 'bad signature' },
    );
    const alert = sampleAlert();
    await expect(postWebhook(`${server.url}/hook`, webhookBody('alert', [alert], 'json'), SECRET, 'd-1')).resolves.toBe(
      'HTTP 204',
    );
    const [request] = server.received;
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers[DELIVERY_HEADER]).toBe('d-1');
    expect(JSON.parse(request?.body ?? '')).toEqual({ event: 'alert', alert });
  });

  it('should be refused by a receiver holding another secret, permanently', async () => {
    server = await startHttpServer((request) =>
      signatureValid(request, 'the receiver secret')
        ? { status: 204, body: '' }
        : { status: 401, body: 'bad signature' },
    );
    await expect(postWebhook(server.url, '{}', SECRET, 'd-2')).rejects.toMatchObject({
      permanent: true,
      message: 'the webhook answered HTTP 401: bad signature',
    });
  });

  it('should send no signature header without a secret', async () => {
    server = await startHttpServer(() => ({ status: 200, body: 'ok' }));
    await postWebhook(server.url, '{}', null, 'd-3');
    expect(server.received[0]?.headers[SIGNATURE_HEADER]).toBeUndefined();
  });

  it('should format for Slack as a text field with mrkdwn', () => {
    const body = JSON.parse(webhookBody('alert', [sampleAlert()], 'slack')) as { text: string };
    expect(body.text).toBe(
      'Wirewatch alert\n*HIGH* `port_scan` 10.77.0.66 probed 20 ports on 10.77.0.10 within 60 s (syn scan, 20 probes) (id `a1`)',
    );
  });

  it('should retry a receiver answering 500', async () => {
    server = await startHttpServer(() => ({ status: 500, body: 'oops' }));
    await expect(postWebhook(server.url, '{}', null, 'd-4')).rejects.toMatchObject({ permanent: false });
  });
});

/**
 * Webhooks: a JSON POST, signed when the contact has a shared secret. The signature header is
 * `X-Wirewatch-Signature: sha256=<hex HMAC-SHA256 of the exact body>` (RFC 2104), the scheme
 * GitHub's `X-Hub-Signature-256` made familiar; receivers compare it in constant time.
 */
import { createHmac } from 'node:crypto';
import { DeliveryError } from './outgoing';
import { networkReason } from './sms-api';

const TIMEOUT_MS = 15_000;
export const SIGNATURE_HEADER = 'x-wirewatch-signature';
export const DELIVERY_HEADER = 'x-wirewatch-delivery';

export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

export async function postWebhook(
  url: string,
  body: string,
  secret: string | null,
  deliveryId: string,
): Promise<string> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Wirewatch',
    [DELIVERY_HEADER]: deliveryId,
  };
  if (secret !== null) headers[SIGNATURE_HEADER] = signBody(secret, body);
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryError(`the webhook could not be reached: ${networkReason(error)}`, false);
  }
  const answer = (await response.text()).slice(0, 200);
  if (response.ok) return `HTTP ${response.status}`;
  const retry = response.status === 408 || response.status === 429 || response.status >= 500;
  throw new DeliveryError(`the webhook answered HTTP ${response.status}${answer === '' ? '' : `: ${answer}`}`, !retry);
}

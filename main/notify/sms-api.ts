/**
 * SMS through a Twilio-compatible HTTP API: `POST {base}/2010-04-01/Accounts/{sid}/Messages.json`
 * with HTTP Basic auth (account SID and token) and a form body of To, From and Body.
 */
import type { SmsSettings } from '../../preload/api/notify';
import { DeliveryError } from './outgoing';

const TIMEOUT_MS = 15_000;

export async function sendSmsByApi(
  settings: SmsSettings,
  token: string | null,
  to: string,
  text: string,
): Promise<string> {
  if (settings.accountSid === '' || token === null) {
    throw new DeliveryError('no SMS account is set (Settings → SMS: account SID and token)', true);
  }
  if (settings.from === '') throw new DeliveryError('no SMS sender number is set (Settings → SMS)', true);
  const url = `${settings.apiBase.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(settings.accountSid)}/Messages.json`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${settings.accountSid}:${token}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ To: to, From: settings.from, Body: text }).toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (error) {
    throw new DeliveryError(`the SMS provider could not be reached: ${networkReason(error)}`, false);
  }
  const answer = await response.text();
  if (response.ok) {
    const sid = /"sid"\s*:\s*"([^"]+)"/.exec(answer)?.[1];
    return `${response.status} accepted${sid === undefined ? '' : ` as ${sid}`}`;
  }
  const said = providerMessage(answer);
  if (response.status === 401 || response.status === 403) {
    throw new DeliveryError(`the SMS provider refused the account SID or token (HTTP ${response.status}${said})`, true);
  }
  // 429 and 5xx are the provider's momentary trouble; other 4xx are about the message itself.
  const retry = response.status === 429 || response.status >= 500;
  throw new DeliveryError(`the SMS provider answered HTTP ${response.status}${said}`, !retry);
}

function providerMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && 'message' in parsed && typeof parsed.message === 'string') {
      return `: ${parsed.message.slice(0, 300)}`;
    }
  } catch (error) {
    // Not JSON: show the start of what it said instead.
    if (!(error instanceof SyntaxError)) throw error;
  }
  return body === '' ? '' : `: ${body.slice(0, 200)}`;
}

/** fetch hides the socket error in `cause`; that is the part a person can act on (ECONNREFUSED …). */
export function networkReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  if (cause instanceof Error) return cause.message;
  return error.message;
}

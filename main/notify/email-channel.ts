/**
 * Email through nodemailer with the SMTP settings and the password from the secret store. TLS
 * certificates are checked (`tls` and `starttls` modes); `none` is for a relay on the same host.
 */
import { createTransport } from 'nodemailer';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { SmtpSettings } from '../../preload/api/notify';
import { DeliveryError } from './outgoing';

/** Seconds before an unresponsive server counts as a failed attempt (the queue retries it). */
const TIMEOUT_MS = 15_000;

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

export interface SmtpAccess {
  readonly settings: SmtpSettings;
  readonly password: string | null;
}

/**
 * Sends one message; resolves with the server's answer ("250 OK: queued as …"). `tls` adds to the
 * TLS options, e.g. a private CA to trust.
 */
export async function sendMail(access: SmtpAccess, message: MailMessage, tls: ConnectionOptions = {}): Promise<string> {
  const { settings, password } = access;
  if (settings.host === '') throw new DeliveryError('no SMTP server is set (Settings → Email)', true);
  if (settings.from === '') throw new DeliveryError('no From address is set (Settings → Email)', true);
  const transport = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'tls',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    auth: settings.user === '' ? undefined : { user: settings.user, pass: password ?? '' },
    // SNI carries host names only (RFC 6066 §3); an address is checked against the certificate's IP SAN.
    tls: isIP(settings.host) === 0 ? { servername: settings.host, ...tls } : { ...tls },
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
    logger: false,
  });
  try {
    const info = await transport.sendMail({ from: settings.from, ...message });
    return info.response;
  } catch (error) {
    throw classify(error);
  } finally {
    transport.close();
  }
}

interface SmtpFailure {
  readonly code?: string;
  readonly responseCode?: number;
  readonly response?: string;
  readonly message: string;
}

/** Bad credentials and 5xx replies are permanent (RFC 5321 §4.2.1); a network failure or 4xx is retried. */
function classify(error: unknown): DeliveryError {
  if (!(error instanceof Error)) return new DeliveryError(String(error), false);
  const failure = error as SmtpFailure;
  const said = failure.response ?? failure.message;
  if (failure.code === 'EAUTH')
    return new DeliveryError(`the SMTP server refused the user name or password: ${said}`, true);
  if (failure.code === 'ETLS' || /certificate|self[- ]signed/i.test(failure.message)) {
    return new DeliveryError(`TLS with the SMTP server failed: ${failure.message}`, true);
  }
  if (failure.responseCode !== undefined && failure.responseCode >= 500) return new DeliveryError(said, true);
  return new DeliveryError(failure.message, false);
}

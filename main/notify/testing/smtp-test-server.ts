/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server): plain, STARTTLS or implicit TLS, with or
 * without a required login. It records each message's envelope and its decoded text.
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  /** The raw message with quoted-printable soft breaks and escapes undone. */
  readonly text: string;
  readonly subject: string;
  /** Whether the session was encrypted (STARTTLS or TLS). */
  readonly secure: boolean;
  readonly user: string | null;
}

export interface SmtpTestServer {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Resolves once `count` messages have arrived. */
  waitFor(count: number): Promise<readonly ReceivedMail[]>;
  close(): Promise<void>;
}

export interface SmtpTestOptions {
  readonly mode: 'plain' | 'starttls' | 'tls';
  /** PEM key and certificate for the TLS modes. */
  readonly key?: string;
  readonly cert?: string;
  /** A login to require; none means no AUTH. */
  readonly login?: { readonly user: string; readonly password: string };
}

/** Undoes quoted-printable (RFC 2045 §6.7) so assertions read the words, not the encoding. */
export function decodeQuotedPrintable(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

export async function startSmtpServer(options: SmtpTestOptions): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const waiters: (() => void)[] = [];
  const disabled: string[] = [];
  if (options.mode === 'plain') disabled.push('STARTTLS');
  if (options.login === undefined) disabled.push('AUTH');
  const config: SMTPServerOptions = {
    secure: options.mode === 'tls',
    disabledCommands: disabled,
    authOptional: options.login === undefined,
    // Plain mode with a login is allowed only for tests of refused credentials on plain links.
    allowInsecureAuth: options.mode === 'plain',
    logger: false,
    onAuth(auth, _session, callback) {
      const login = options.login;
      if (login !== undefined && auth.username === login.user && auth.password === login.password) {
        callback(null, { user: auth.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const text = decodeQuotedPrintable(Buffer.concat(chunks).toString('utf8'));
        const mailFrom = session.envelope.mailFrom;
        received.push({
          from: mailFrom === false ? '' : mailFrom.address,
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          text,
          subject: /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(text)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '',
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : null,
        });
        for (const wake of waiters.splice(0)) wake();
        callback();
      });
    },
  };
  if (options.key !== undefined) config.key = options.key;
  if (options.cert !== undefined) config.cert = options.cert;
  const server = new SMTPServer(config);
  server.on('error', (error) => console.error('[smtp-test-server]', error));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    async waitFor(count) {
      while (received.length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return received;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

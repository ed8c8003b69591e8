/**
 * Receives a capture file a browser dropped on the window. A browser cannot tell the host where a
 * dropped file lives, so its bytes are streamed here (PUT, never buffered whole) into the data
 * folder, and the analysis runs on that copy. Admitted by the same token, Origin and Host checks
 * as the WebSocket.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { SECURITY_HEADERS } from '../security/csp';
import type { LocalOrigins } from './origins';
import { tokenMatches } from './token';

export const UPLOAD_PATH = '/upload';

/** Keeps only characters safe in a file name on every platform; never a path. */
export function safeFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/'))
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '');
  return cleaned.slice(0, 120) || 'capture';
}

export async function receiveUpload(
  request: IncomingMessage,
  response: ServerResponse,
  options: { token: string; allowed: LocalOrigins; uploadDir: string },
): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://host');
  const reply = (status: number, body: unknown): void => {
    response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const refusal =
    request.method !== 'PUT'
      ? ([405, 'use PUT'] as const)
      : !options.allowed.origins.has(request.headers.origin ?? '')
        ? ([403, 'foreign origin'] as const)
        : !tokenMatches(request.headers['x-wirewatch-token']?.toString() ?? null, options.token)
          ? ([401, 'missing or wrong token'] as const)
          : undefined;
  if (refusal !== undefined) {
    // Drain nothing: close the connection so a refused upload is not read into memory.
    response.setHeader('Connection', 'close');
    reply(refusal[0], { error: refusal[1] });
    return;
  }
  const name = safeFileName(url.searchParams.get('name') ?? 'capture');
  await mkdir(options.uploadDir, { recursive: true });
  // A random prefix keeps two uploads of the same name apart.
  const path = join(options.uploadDir, `${randomBytes(6).toString('hex')}-${name}`);
  try {
    await pipeline(request, createWriteStream(path, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await rm(path, { force: true });
    if (!response.headersSent && !response.destroyed) {
      reply(400, { error: `upload failed: ${error instanceof Error ? error.message : String(error)}` });
    }
    return;
  }
  reply(201, { path });
}

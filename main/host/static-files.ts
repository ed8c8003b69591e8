/**
 * Serves the built renderer. Only files under its folder, only GET and HEAD, the security headers
 * on every response, and index.html for the app's own routes.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from '../security/csp';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Maps a request path to a file inside `root`, or undefined when it would escape it. */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // malformed percent-encoding: not a path we serve
  }
  if (decoded.includes('\0')) return undefined;
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = join(root, relative === '' ? 'index.html' : relative);
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep) ? full : undefined;
}

export async function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const urlPath = new URL(request.url ?? '/', 'http://host').pathname;
  const path = resolveStaticPath(root, urlPath);
  if (path === undefined) {
    send(response, 400, 'bad path');
    return;
  }
  let file = path;
  let stats = await stat(file).catch(() => undefined);
  // Paths without an extension are the app's own routes: answer with the app.
  if (stats?.isFile() !== true && extname(urlPath) === '') {
    file = join(root, 'index.html');
    stats = await stat(file).catch(() => undefined);
  }
  if (stats?.isFile() !== true) {
    send(response, 404, 'not found');
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': stats.size,
    // The page carries the token in its URL: never cache it, and never leak it as a referrer.
    'Cache-Control': extname(file) === '.html' ? 'no-store' : 'public, max-age=3600',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file)
    .on('error', (error) => response.destroy(error))
    .pipe(response);
}

function send(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  response.end(`${text}\n`);
}

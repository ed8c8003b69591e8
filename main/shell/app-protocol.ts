/**
 * Serves the renderer to the Electron window from `app://wirewatch/`, a privileged scheme of our
 * own, instead of file://. Pages then have a real origin for the CSP's 'self', the IPC sender
 * check has one URL prefix to trust, and no file outside the renderer folder can be loaded.
 */
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { resolveStaticPath } from '../host/static-files';
import { SECURITY_HEADERS } from '../security/csp';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://wirewatch`;

/** Must run before the app is ready (Electron's rule for privileged schemes). */
export function declareAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = url.host === 'wirewatch' ? resolveStaticPath(rendererDir, url.pathname) : undefined;
    if (path === undefined) return new Response('not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(path).toString());
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    return new Response(response.body, { status: response.status, headers });
  });
}

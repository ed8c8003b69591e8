/**
 * A browser host for specs: a temp folder with a one-page renderer, a data folder and an upload
 * folder, and the host listening on a free 127.0.0.1 port with the given token.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../app/context';
import { startBrowserHost, type RunningHost } from '../host/browser-host';
import { createTestApp } from './test-app';

export interface TestHost {
  /** The temp folder holding renderer/, data/ and uploads/. */
  readonly dir: string;
  readonly app: AppContext;
  readonly host: RunningHost;
  /** The Origin the host admits. */
  readonly origin: string;
  /** Closes the host and removes the folder. */
  close(): Promise<void>;
}

export async function startTestHost(token: string): Promise<TestHost> {
  const dir = await mkdtemp(join(tmpdir(), 'wirewatch-host-'));
  const rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Wirewatch</title>');
  const app = createTestApp(join(dir, 'data'));
  const host = await startBrowserHost({ port: 0, rendererDir, app, token, uploadDir: join(dir, 'uploads') });
  return {
    dir,
    app,
    host,
    origin: `http://127.0.0.1:${host.port}`,
    close: async () => {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

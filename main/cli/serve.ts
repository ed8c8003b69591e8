/** `wirewatch serve`: the browser host, for a headless sensor or a machine without Electron. */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppContext } from '../app/context';
import { defaultDataDir } from '../app/data-dir';
import { startBrowserHost } from '../host/browser-host';
import { inAppNotifier } from '../notify/desktop';
import { UsageError } from './usage-error';

export interface ServeContext {
  readonly rendererDir: string;
  readonly analysisWorker: string;
  readonly demoCapture: string;
  readonly out: (line: string) => void;
}

/** Starts the host and resolves once it has stopped (SIGINT or SIGTERM). */
export async function serveCommand(argv: readonly string[], context: ServeContext): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string', default: '7077' },
      data: { type: 'string' },
      open: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, not "${values.port}"`);
  }
  const dataDir = values.data ?? defaultDataDir();
  const app = createAppContext({
    shell: 'browser-host',
    dataDir,
    electron: null,
    desktop: inAppNotifier,
    analysisWorker: context.analysisWorker,
    demoCapture: context.demoCapture,
  });
  app.openedFiles.add(positionals.map((file) => resolve(file)));
  const host = await startBrowserHost({
    port,
    rendererDir: context.rendererDir,
    app,
    uploadDir: join(dataDir, 'uploads'),
  });
  context.out(`Wirewatch is served at ${host.url}`);
  context.out(`Data folder: ${dataDir}. Press Ctrl+C to stop.`);
  if (values.open) openInBrowser(host.url, context.out);

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      Promise.all([host.close(), app.analysis.stopAll()]).then(
        () => resolve(),
        (error: unknown) => {
          console.error('[serve] closing the host failed:', error);
          resolve();
        },
      );
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

function openInBrowser(url: string, out: (line: string) => void): void {
  const [command, args]: [string, string[]] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args, { detached: true, stdio: 'ignore' });
  child.on('error', () => out(`Could not start a browser (${command}); open the URL above by hand.`));
  child.unref();
}

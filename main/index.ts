/**
 * Electron main process: lifecycle only. One instance; one locked-down window; a tray that keeps
 * the app alive when the window closes; capture files from argv, open-file or a second instance
 * routed to the Analyse page. Everything else lives behind the contract, shared with the host.
 */
import { app, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createAppContext } from './app/context';
import { captureFilesInArgv } from './files/opened-files';
import { registerContract } from './ipc/register';
import { electronSenderPolicy } from './ipc/sender';
import { createHandlerTable } from './ipc/table';
import { APP_ORIGIN, declareAppScheme, serveAppScheme } from './shell/app-protocol';
import { electronNotifier } from './shell/electron-notifier';
import { electronRegistrar } from './shell/electron-registrar';
import { followStartAtLogin, startedAtLogin } from './shell/login-item';
import { safeStorageCipher } from './shell/safe-storage-cipher';
import { startTray, type TrayController } from './shell/tray-controller';
import { createMainWindow, preloadPath } from './shell/window';

const rendererDir = join(__dirname, '..', 'renderer');

// An isolated data folder for tests and portable installs; set before anything reads userData.
const dataDirOverride = process.env.WIREWATCH_DATA_DIR;
if (dataDirOverride !== undefined && dataDirOverride !== '') app.setPath('userData', dataDirOverride);

if (!app.requestSingleInstanceLock()) {
  // Another Wirewatch is running: it receives our argv through 'second-instance'.
  app.quit();
} else {
  declareAppScheme();
  start();
}

function start(): void {
  let window: BrowserWindow | undefined;
  let quitting = false;
  let tray: TrayController | undefined;

  const context = createAppContext({
    shell: 'electron',
    dataDir: app.getPath('userData'),
    electron: process.versions.electron,
    desktop: () =>
      electronNotifier((alertId) => {
        showWindow();
        if (alertId !== undefined) context.events.emit('notify:open-alert', { id: alertId });
      }),
    secretCipher: safeStorageCipher(),
    analysisWorker: join(__dirname, 'analysis-worker.cjs'),
    // Packaged: electron-builder copies resources/demo to <resources>/demo (electron-builder.yml).
    demoCapture: app.isPackaged
      ? join(process.resourcesPath, 'demo', 'demo.pcap')
      : join(__dirname, '..', '..', 'resources', 'demo', 'demo.pcap'),
  });

  const showWindow = (): void => {
    if (window === undefined || window.isDestroyed()) window = openWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    tray?.shown();
  };

  const openWindow = (showWhenReady = true): BrowserWindow => {
    const created = createMainWindow(preloadPath(__dirname), { showWhenReady });
    const detach = context.events.attach((channel, payload) => created.webContents.send(channel, payload));
    created.on('close', (event) => {
      if (quitting) return;
      // Closing the window keeps Wirewatch watching from the tray, unless the person chose otherwise.
      void context.settings.get().then((settings) => {
        if (!settings.closeToTray) app.quit();
      });
      event.preventDefault();
      created.hide();
    });
    created.on('closed', detach);
    return created;
  };

  const openCaptureFiles = (paths: readonly string[]): void => {
    if (paths.length === 0) return;
    // Queue first so a window that is still loading takes them; announce for one already running.
    context.openedFiles.add(paths);
    for (const path of paths) context.events.emit('analysis:open-file', { path });
    if (app.isReady()) showWindow();
  };

  // macOS delivers double-clicked files here, possibly before 'ready'.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openCaptureFiles([path]);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    openCaptureFiles(captureFilesInArgv(argv.slice(1), workingDirectory));
  });
  app.on('before-quit', () => {
    quitting = true;
    void context.analysis.stopAll();
  });
  // The tray keeps the app alive; only Quit ends it.
  app.on('window-all-closed', () => undefined);

  void app.whenReady().then(() => {
    serveAppScheme(rendererDir);
    registerContract(electronRegistrar, createHandlerTable(context), electronSenderPolicy(`${APP_ORIGIN}/`));
    tray = startTray(join(rendererDir, 'icon.png'), context.notify, { show: showWindow, quit: () => app.quit() });
    context.openedFiles.add(captureFilesInArgv(process.argv.slice(1), process.cwd()));
    followStartAtLogin(context.settings);
    // Started at login: watching from the tray, the window loaded (it stores alerts) but not shown.
    if (startedAtLogin(process.argv, app.getLoginItemSettings().wasOpenedAtLogin)) window = openWindow(false);
    else showWindow();
  });
}

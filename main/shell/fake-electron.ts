/**
 * The `electron` module as the main process sees it, for unit tests that run main/index.ts and
 * main/shell/ without an Electron binary (`vi.mock('electron', () => import('./fake-electron'))`).
 * It does what the app asks and records it — windows and their options, the handlers hung on their
 * web contents and sessions, privileged schemes, ipcMain registrations, login items — so a test can
 * hold the app to Electron's security checklist. Events are dispatched the way Electron dispatches
 * them: with an event object whose preventDefault the test can observe.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** What Electron hands to 'will-navigate' and friends: the app may cancel the default action. */
export interface FakeEvent {
  preventDefault(): void;
  readonly defaultPrevented: boolean;
}

function fakeEvent(): FakeEvent {
  let prevented = false;
  return {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
}

/** Emits `name` with a fresh event first, as Electron does; returns the event to check. */
function dispatch(emitter: EventEmitter, name: string, ...args: unknown[]): FakeEvent {
  const event = fakeEvent();
  emitter.emit(name, event, ...args);
  return event;
}

type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
}

type WindowOpenHandler = (details: { url: string; frameName: string; features: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  readonly mainFrame = { url: '' };
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }

  dispatch(name: string, ...args: unknown[]): FakeEvent {
    return dispatch(this, name, ...args);
  }
}

export class BrowserWindow extends EventEmitter {
  /** Every window the app made, in order. */
  static readonly created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  #destroyed = false;

  constructor(readonly options: Readonly<Record<string, unknown>>) {
    super();
    BrowserWindow.created.push(this);
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }

  hide(): void {
    this.visible = false;
  }

  focus(): void {
    // Nothing to focus without a screen.
  }

  isMinimized(): boolean {
    return false;
  }

  restore(): void {
    this.visible = true;
  }

  isDestroyed(): boolean {
    return this.#destroyed;
  }

  /** The person clicks the window's close button. */
  close(): FakeEvent {
    const event = dispatch(this, 'close');
    if (!event.defaultPrevented) {
      this.#destroyed = true;
      this.emit('closed');
    }
    return event;
  }

  dispatch(name: string, ...args: unknown[]): FakeEvent {
    return dispatch(this, name, ...args);
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeIpcMain {
  readonly handlers = new Map<string, InvokeHandler>();
  /** Channels anything listened on with `on`/`once`: the contract never does. */
  readonly listened: string[] = [];

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }

  on(channel: string): this {
    this.listened.push(channel);
    return this;
  }

  once(channel: string): this {
    this.listened.push(channel);
    return this;
  }
}
export const ipcMain = new FakeIpcMain();

export interface LoginItemSettings {
  readonly openAtLogin: boolean;
  readonly openAsHidden?: boolean;
  readonly args?: readonly string[];
  readonly path?: string;
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>([['userData', '/nonexistent/wirewatch-user-data']]);
  isPackaged = false;
  quitCalls = 0;
  singleInstance = true;
  loginItem: LoginItemSettings = { openAtLogin: false };
  readonly #ready: Promise<void>;
  #markReady: () => void = () => undefined;
  #isReady = false;

  constructor() {
    super();
    this.#ready = new Promise((resolve) => {
      this.#markReady = resolve;
    });
  }

  /** Electron fires 'ready' once the platform is up; tests say when. */
  becomeReady(): void {
    this.#isReady = true;
    this.#markReady();
    this.emit('ready');
  }

  whenReady(): Promise<void> {
    return this.#ready;
  }

  isReady(): boolean {
    return this.#isReady;
  }

  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }

  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`Failed to get '${name}' path`);
    return path;
  }

  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }

  quit(): void {
    this.quitCalls += 1;
  }

  setLoginItemSettings(settings: LoginItemSettings): void {
    this.loginItem = settings;
  }

  getLoginItemSettings(): LoginItemSettings & { wasOpenedAtLogin: boolean } {
    return { ...this.loginItem, wasOpenedAtLogin: false };
  }

  dispatch(name: string, ...args: unknown[]): FakeEvent {
    return dispatch(this, name, ...args);
  }
}
export const app = new FakeApp();

interface SchemePrivileges {
  readonly scheme: string;
  readonly privileges?: Readonly<Record<string, boolean>>;
}

class FakeProtocol {
  readonly privileged: SchemePrivileges[] = [];
  readonly handlers = new Map<string, (request: Request) => Promise<Response> | Response>();

  registerSchemesAsPrivileged(schemes: readonly SchemePrivileges[]): void {
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    this.handlers.set(scheme, handler);
  }
}
export const protocol = new FakeProtocol();

/** Electron's net.fetch reads file: URLs; Node's fetch does not, so the fake does it itself. */
export const net = {
  async fetch(url: string): Promise<Response> {
    if (!url.startsWith('file:')) throw new Error(`the fake net.fetch only reads files, not ${url}`);
    try {
      return new Response(await readFile(fileURLToPath(url)), { status: 200 });
    } catch (error) {
      return new Response(String(error), { status: 404 });
    }
  },
};

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    this.opened.push(url);
    return Promise.resolve();
  },
};

export class Tray extends EventEmitter {
  static readonly created: Tray[] = [];
  tooltip = '';
  menu: unknown = null;

  constructor(readonly image: unknown) {
    super();
    Tray.created.push(this);
  }

  setToolTip(tooltip: string): void {
    this.tooltip = tooltip;
  }

  setContextMenu(menu: unknown): void {
    this.menu = menu;
  }
}

export const Menu = {
  buildFromTemplate: (template: readonly unknown[]): { template: readonly unknown[] } => ({ template }),
};

export const nativeImage = {
  createFromPath: (path: string): { path: string } => ({ path }),
};

export class Notification extends EventEmitter {
  static isSupported(): boolean {
    return false;
  }

  show(): void {
    // Never reached: isSupported() is false here.
  }
}

/** No OS keychain here: secrets are refused rather than kept in plain text (main/shell/safe-storage-cipher.ts). */
export const safeStorage = {
  isEncryptionAvailable: (): boolean => false,
  encryptString(): Buffer {
    throw new Error('encryption is not available');
  },
  decryptString(): string {
    throw new Error('encryption is not available');
  },
};

/**
 * "Start Wirewatch when I log in": registers the app with the OS so it starts at login, its window
 * kept hidden and the tray icon up, watching. macOS and Windows have Electron's login items; Linux
 * has none, so there it is an XDG autostart entry in ~/.config/autostart (freedesktop Desktop
 * Application Autostart Specification), pointing at the AppImage when run from one (its executable
 * lives in a mount that vanishes on exit).
 */
import { app } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { MainSettings } from '../../preload/api/settings';

/** The argument the login start passes, so the app knows to stay in the tray. */
export const HIDDEN_ARG = '--hidden';

/** What registering a login item needs from the platform; Electron's by default, a test's in specs. */
export interface LoginItemPlatform {
  readonly platform: NodeJS.Platform;
  /** The program to start: the AppImage file, or the app's executable. */
  readonly executable: string;
  /** Folder of XDG autostart entries (Linux). */
  readonly autostartDir: string;
  readonly setLoginItemSettings: (settings: { openAtLogin: boolean; openAsHidden?: boolean; args?: string[] }) => void;
}

export function electronLoginItemPlatform(env: NodeJS.ProcessEnv = process.env): LoginItemPlatform {
  const configHome =
    env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME !== '' ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return {
    platform: process.platform,
    executable: env.APPIMAGE !== undefined && env.APPIMAGE !== '' ? env.APPIMAGE : process.execPath,
    autostartDir: join(configHome, 'autostart'),
    setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
  };
}

export const AUTOSTART_FILE = 'wirewatch.desktop';

/** Quotes one Exec argument as the Desktop Entry Specification asks ("Exec key"). */
function execArgument(value: string): string {
  return `"${value.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The autostart entry that starts `executable` hidden. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Wirewatch',
    'Comment=Watches network traffic and tells people when something is wrong',
    `Exec=${execArgument(executable)} ${HIDDEN_ARG}`,
    'Icon=wirewatch',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Registers or removes the login start. */
export async function applyStartAtLogin(enabled: boolean, platform: LoginItemPlatform): Promise<void> {
  if (platform.platform === 'linux') {
    const path = join(platform.autostartDir, AUTOSTART_FILE);
    if (!enabled) {
      await rm(path, { force: true });
      return;
    }
    await mkdir(platform.autostartDir, { recursive: true });
    await writeFile(path, autostartEntry(platform.executable), { mode: 0o644 });
    return;
  }
  // macOS reads openAsHidden; Windows passes args to the started app.
  platform.setLoginItemSettings({ openAtLogin: enabled, openAsHidden: true, args: [HIDDEN_ARG] });
}

/** Was this run started by the login item? Then the window stays hidden until asked for. */
export function startedAtLogin(argv: readonly string[], wasOpenedAtLogin = false): boolean {
  return wasOpenedAtLogin || argv.includes(HIDDEN_ARG);
}

/** Keeps the OS's login item in step with the setting: now, and on every change. */
export function followStartAtLogin(
  settings: { get(): Promise<MainSettings>; onChange(listener: (settings: MainSettings) => void): () => void },
  platform: LoginItemPlatform = electronLoginItemPlatform(),
): void {
  let applied: boolean | undefined;
  const apply = (enabled: boolean): void => {
    if (enabled === applied) return;
    applied = enabled;
    applyStartAtLogin(enabled, platform).catch((error: unknown) => {
      applied = undefined;
      console.error('[login-item] could not change the start at login:', error);
    });
  };
  settings.get().then(
    (current) => apply(current.startAtLogin),
    (error: unknown) => console.error('[login-item] settings unreadable:', error),
  );
  settings.onChange((next) => apply(next.startAtLogin));
}

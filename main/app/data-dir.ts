/**
 * Where Wirewatch keeps its files when no folder is given: the same place Electron's
 * `app.getPath('userData')` uses for a product named Wirewatch, so the CLI and the desktop app
 * share settings and contacts.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Wirewatch');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Wirewatch');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Wirewatch');
}

/**
 * Everything the contract's handlers work with, built the same way for the Electron shell and the
 * browser host; only the shell-specific parts (how to notify, what to report about) differ.
 */
import { AlertOutbox } from '../alerts/alert-outbox';
import { AlertPublisher } from '../alerts/alert-publisher';
import { AnalysisService } from '../analysis/analysis-service';
import { ContactDirectory } from '../contacts/contact-directory';
import { OpenedFiles } from '../files/opened-files';
import { EventHub } from '../ipc/events';
import type { DesktopNotifier } from '../notify/desktop';
import { SettingsStore } from '../settings/settings-store';
import type { About, Shell } from '../../preload/api/settings';
import { APP_VERSION } from './version';

export interface AppContext {
  readonly about: About;
  readonly events: EventHub;
  readonly settings: SettingsStore;
  readonly contacts: ContactDirectory;
  readonly outbox: AlertOutbox;
  /** Every alert, from files or live capture, goes out through this. */
  readonly alerts: AlertPublisher;
  readonly openedFiles: OpenedFiles;
  readonly desktop: DesktopNotifier;
  readonly analysis: AnalysisService;
  /** Where the shipped demo capture is (it may be missing from a trimmed install). */
  readonly demoCapture: string;
}

export interface ShellParts {
  readonly shell: Shell;
  readonly dataDir: string;
  /** Electron's version where Electron runs the app. */
  readonly electron: string | null;
  /** Builds the notifier once the event hub exists (the browser host notifies through it). */
  readonly desktop: (events: EventHub) => DesktopNotifier;
  /** The built analysis worker script (dist/main/analysis-worker.cjs). */
  readonly analysisWorker: string;
  /** The demo capture: resources/demo/demo.pcap in the source tree, resources/demo/ when packaged. */
  readonly demoCapture: string;
}

export function createAppContext(parts: ShellParts): AppContext {
  const events = new EventHub();
  const settings = new SettingsStore(parts.dataDir);
  settings.onChange((next) => events.emit('settings:changed', next));
  const outbox = new AlertOutbox();
  const alerts = new AlertPublisher(events, outbox);
  return {
    about: {
      version: APP_VERSION,
      shell: parts.shell,
      platform: `${process.platform}-${process.arch}`,
      node: process.versions.node,
      electron: parts.electron,
      dataDir: parts.dataDir,
    },
    events,
    settings,
    contacts: new ContactDirectory(parts.dataDir),
    outbox,
    alerts,
    openedFiles: new OpenedFiles(),
    desktop: parts.desktop(events),
    analysis: new AnalysisService(events, parts.analysisWorker, alerts),
    demoCapture: parts.demoCapture,
  };
}

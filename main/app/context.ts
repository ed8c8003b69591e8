/**
 * Everything the contract's handlers work with, built the same way for the Electron shell and the
 * browser host; only the shell-specific parts (how to notify, what to report about) differ.
 */
import { dirname, join } from 'node:path';
import { AlertOutbox } from '../alerts/alert-outbox';
import { AlertPublisher } from '../alerts/alert-publisher';
import { suppressionFilter } from '../alerts/suppression-filter';
import { SuppressionList } from '../alerts/suppression-list';
import { AnalysisService } from '../analysis/analysis-service';
import { cliBaselineTrainer } from '../capture/baseline-trainer';
import { CaptureService } from '../capture/capture-service';
import { ContactDirectory } from '../contacts/contact-directory';
import { EvidenceService } from '../evidence/evidence-service';
import { OpenedFiles } from '../files/opened-files';
import { EventHub } from '../ipc/events';
import type { DesktopNotifier } from '../notify/desktop';
import type { NotifyService } from '../notify/notify-service';
import { createNotifyService } from '../notify/notify-wiring';
import type { SecretCipher } from '../secrets/secret-cipher';
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
  /** Suppressions (data folder), applied to every alert by a filter on `alerts`. */
  readonly suppressions: SuppressionList;
  /** Evidence packets for alerts; live capture registers its packet ring here. */
  readonly evidence: EvidenceService;
  readonly openedFiles: OpenedFiles;
  readonly desktop: DesktopNotifier;
  /** Routes new incidents to contacts and desktop notices; the delivery queue and its status. */
  readonly notify: NotifyService;
  readonly analysis: AnalysisService;
  /** Live capture: one at a time, in the live worker with its supervised capture helper. */
  readonly capture: CaptureService;
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
  /** How secrets are encrypted at rest: Electron's safeStorage; by default a per-install key file. */
  readonly secretCipher?: SecretCipher;
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
  const suppressions = new SuppressionList(parts.dataDir);
  alerts.addFilter(suppressionFilter(() => suppressions.current()));
  suppressions.onChange((next) => events.emit('alerts:suppressions-changed', next));
  suppressions.load().catch((error: unknown) => console.error('[alerts] suppressions could not be read:', error));
  const contacts = new ContactDirectory(parts.dataDir);
  const desktop = parts.desktop(events);
  const evidence = new EvidenceService(join(parts.dataDir, 'evidence'));
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
    contacts,
    outbox,
    alerts,
    suppressions,
    evidence,
    openedFiles: new OpenedFiles(),
    desktop,
    notify: createNotifyService({
      dataDir: parts.dataDir,
      events,
      alerts,
      contacts,
      settings,
      desktop,
      cipher: parts.secretCipher,
    }),
    analysis: new AnalysisService(
      events,
      parts.analysisWorker,
      alerts,
      () => settings.thresholds.assignments(),
      parts.dataDir,
    ),
    // The live worker and the capture helper are built beside the analysis worker (scripts/build.mjs).
    capture: new CaptureService(events, alerts, {
      worker: join(dirname(parts.analysisWorker), 'live-worker.cjs'),
      helper: join(dirname(parts.analysisWorker), 'capture-helper.cjs'),
      baselineFolder: join(parts.dataDir, 'baselines'),
      dataDir: parts.dataDir,
      thresholds: () => settings.thresholds.assignments(),
      evidence,
      trainer: cliBaselineTrainer(join(dirname(parts.analysisWorker), 'cli.cjs'), parts.dataDir),
    }),
    demoCapture: parts.demoCapture,
  };
}

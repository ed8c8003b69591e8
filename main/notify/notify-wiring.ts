/**
 * Builds the NotifyService for an AppContext and connects it: published alerts in, delivery
 * changes out to the windows as `notify:delivery`, and a session report when an analysis finishes
 * or a live capture session stops.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { AnalysisSummary } from '../../preload/api/analysis';
import type { CaptureStatus } from '../../preload/api/capture';
import type { AlertPublisher } from '../alerts/alert-publisher';
import type { ContactDirectory } from '../contacts/contact-directory';
import type { EventHub } from '../ipc/events';
import { installKeyCipher } from '../secrets/install-key-cipher';
import type { SecretCipher } from '../secrets/secret-cipher';
import { SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { channelSender } from './channels';
import { systemClock } from './clock';
import type { DesktopNotifier } from './desktop';
import { NotifySettings } from './notify-settings';
import { NotifyService } from './notify-service';

export interface NotifyWiring {
  readonly dataDir: string;
  readonly events: EventHub;
  readonly alerts: AlertPublisher;
  readonly contacts: ContactDirectory;
  readonly settings: SettingsStore;
  readonly desktop: DesktopNotifier;
  /** The OS keychain under Electron; otherwise a key made for this install. */
  readonly cipher?: SecretCipher | undefined;
}

export function createNotifyService(wiring: NotifyWiring): NotifyService {
  const secrets = new SecretStore(
    wiring.dataDir,
    wiring.cipher ?? installKeyCipher(join(wiring.dataDir, 'install.key')),
  );
  const settings = new NotifySettings(wiring.dataDir, secrets);
  const service = new NotifyService({
    dataDir: wiring.dataDir,
    contacts: wiring.contacts,
    settings,
    desktop: wiring.desktop,
    desktopEnabled: async () => (await wiring.settings.get()).desktopNotifications,
    send: channelSender(settings),
    clock: systemClock,
  });
  service.queue.onChange((status) => wiring.events.emit('notify:delivery', status));
  const report = (id: string, summary: AnalysisSummary): void => {
    service.analysisFinished(id, summary).catch((error: unknown) => {
      console.error(`[notify] the session report of ${summary.file.name} failed:`, error);
    });
  };
  wiring.events.observe((channel, payload) => {
    if (channel === 'analysis:finished') {
      const { id, summary } = payload as { id: string; summary: AnalysisSummary };
      report(id, summary);
    } else if (channel === 'capture:status') {
      // A live session's end: its summary, shaped as an analysis's, takes the same report path.
      const status = payload as CaptureStatus;
      if (status.state === 'stopped' && status.summary !== undefined) report(`live-${randomUUID()}`, status.summary);
    }
  });
  service
    .start(wiring.alerts)
    .catch((error: unknown) => console.error('[notify] notifications could not start:', error));
  return service;
}

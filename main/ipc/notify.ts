/** Handlers for the notify domain: desktop test, settings (secrets write-only), deliveries, pause. */
import { ContractError } from '../../preload/api/errors';
import type { notifyRequests } from '../../preload/api/notify';
import type { DesktopNotifier } from '../notify/desktop';
import type { NotifyService } from '../notify/notify-service';
import type { DomainHandlers } from './handler';

export function notifyHandlers(
  desktop: DesktopNotifier,
  notify: NotifyService,
): DomainHandlers<keyof typeof notifyRequests> {
  return {
    'notify:test-desktop': async () => ({
      delivery: await desktop.show({
        title: 'Wirewatch test notification',
        body: 'Notifications from Wirewatch reach you here.',
      }),
    }),
    'notify:settings': () => notify.view(),
    'notify:update-settings': (_context, patch) => notify.update(patch),
    'notify:deliveries': (_context, alertId) => notify.deliveries(alertId),
    'notify:retry': async (_context, id) => {
      const status = await notify.queue.retry(id);
      if (status === undefined) throw new ContractError('not-found', `no delivery ${id}`);
      return status;
    },
    'notify:session-report': async (_context, analysisId) => {
      const report = await notify.savedReport(analysisId);
      if (report === null) throw new ContractError('not-found', `no session report is kept for analysis ${analysisId}`);
      return report;
    },
    'notify:pause': async (_context, minutes) => ({ pausedUntil: await notify.pause(minutes) }),
  };
}

/** Handlers for the notify domain. */
import type { notifyRequests } from '../../preload/api/notify';
import type { DesktopNotifier } from '../notify/desktop';
import type { DomainHandlers } from './handler';

export function notifyHandlers(desktop: DesktopNotifier): DomainHandlers<keyof typeof notifyRequests> {
  return {
    'notify:test-desktop': async () => ({
      delivery: await desktop.show({
        title: 'Wirewatch test notification',
        body: 'Notifications from Wirewatch reach you here.',
      }),
    }),
  };
}

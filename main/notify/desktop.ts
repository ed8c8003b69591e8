/**
 * Desktop notifications. The Electron shell shows them through the OS; the browser host has no
 * OS to ask, so it sends them to the open window, which shows them itself.
 */
import { ContractError } from '../../preload/api/errors';
import type { DesktopDelivery, DesktopNotice } from '../../preload/api/notify';
import type { EventHub } from '../ipc/events';

export interface DesktopNotifier {
  /** Shows a notice; returns how it was delivered. */
  show(notice: DesktopNotice): Promise<DesktopDelivery>;
}

/** Sends notices to every open window as `notify:in-app` events. */
export function inAppNotifier(events: EventHub): DesktopNotifier {
  return {
    show(notice) {
      if (events.size === 0) {
        return Promise.reject(new ContractError('unavailable', 'no window is open to show the notification'));
      }
      events.emit('notify:in-app', notice);
      return Promise.resolve('in-app');
    },
  };
}

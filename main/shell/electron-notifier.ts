/** Desktop notifications through the OS, where Electron can show them; a click opens the alert. */
import { Notification } from 'electron';
import { ContractError } from '../../preload/api/errors';
import type { DesktopNotifier } from '../notify/desktop';

/** `onClick` receives the alert the notice is about, when there is one. */
export function electronNotifier(onClick: (alertId: string | undefined) => void): DesktopNotifier {
  return {
    show(notice) {
      if (!Notification.isSupported()) {
        return Promise.reject(new ContractError('unavailable', 'this desktop does not support notifications'));
      }
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', () => onClick(notice.alertId));
      notification.show();
      return Promise.resolve('os');
    },
  };
}

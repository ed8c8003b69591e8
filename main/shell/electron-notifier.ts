/** Desktop notifications through the OS, where Electron can show them. */
import { Notification } from 'electron';
import { ContractError } from '../../preload/api/errors';
import type { DesktopNotifier } from '../notify/desktop';

export function electronNotifier(onClick: () => void): DesktopNotifier {
  return {
    show(notice) {
      if (!Notification.isSupported()) {
        return Promise.reject(new ContractError('unavailable', 'this desktop does not support notifications'));
      }
      const notification = new Notification({ title: notice.title, body: notice.body });
      notification.on('click', onClick);
      notification.show();
      return Promise.resolve('os');
    },
  };
}

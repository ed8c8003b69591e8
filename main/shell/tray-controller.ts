/**
 * Keeps the tray in step with notifications: counts new incidents until the window is shown,
 * pauses and resumes notifications from its menu, and redraws when a pause runs out.
 */
import type { NotifyService } from '../notify/notify-service';
import { createTray } from './tray';

export interface TrayController {
  /** The window was shown: the waiting incidents have been seen. */
  shown(): void;
}

export function startTray(
  iconPath: string,
  notify: NotifyService,
  actions: { readonly show: () => void; readonly quit: () => void },
): TrayController {
  let waiting = 0;
  let pausedUntil: number | null = null;
  let pauseTimer: NodeJS.Timeout | undefined;
  const tray = createTray(iconPath, {
    show: actions.show,
    quit: actions.quit,
    pause: (minutes) => {
      notify.pause(minutes).then(
        (until) => {
          pausedUntil = until;
          clearTimeout(pauseTimer);
          if (until !== null) {
            pauseTimer = setTimeout(() => {
              pausedUntil = null;
              redraw();
            }, until - Date.now());
          }
          redraw();
        },
        (error: unknown) => console.error('[tray] notifications could not be paused:', error),
      );
    },
  });
  const redraw = (): void => tray.update({ waiting, pausedUntil });
  notify.onIncident(() => {
    waiting += 1;
    redraw();
  });
  notify.view().then(
    (view) => {
      pausedUntil = view.pausedUntil;
      redraw();
    },
    (error: unknown) => console.error('[tray] notification settings could not be read:', error),
  );
  return {
    shown: () => {
      waiting = 0;
      redraw();
    },
  };
}

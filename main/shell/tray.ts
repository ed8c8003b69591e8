/**
 * The tray icon: Wirewatch keeps watching when its window is closed. Its tooltip and menu show the
 * state (monitoring, how many new incidents wait, notifications paused) and offer Show, Pause
 * notifications for 1 h (or Resume) and Quit.
 */
import { Menu, Tray, nativeImage } from 'electron';
import { trayState, type TrayCounts } from './tray-state';

export interface TrayActions {
  readonly show: () => void;
  /** Pauses notifications for `minutes`; 0 resumes them. */
  readonly pause: (minutes: number) => void;
  readonly quit: () => void;
}

export interface AppTray {
  /** Redraws tooltip and menu for the new counts. */
  update(counts: TrayCounts): void;
  destroy(): void;
}

export function createTray(iconPath: string, actions: TrayActions): AppTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.on('click', actions.show);
  const update = (counts: TrayCounts): void => {
    const state = trayState(counts);
    tray.setToolTip(state.tooltip);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: state.headline, enabled: false },
        { type: 'separator' },
        { label: 'Show Wirewatch', click: actions.show },
        state.paused
          ? { label: 'Resume notifications', click: () => actions.pause(0) }
          : { label: 'Pause notifications for 1 h', click: () => actions.pause(60) },
        { type: 'separator' },
        { label: 'Quit', click: actions.quit },
      ]),
    );
  };
  update({ waiting: 0, pausedUntil: null });
  return { update, destroy: () => tray.destroy() };
}

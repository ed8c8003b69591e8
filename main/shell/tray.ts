/** The tray icon: Wirewatch keeps watching when its window is closed; the menu brings it back. */
import { Menu, Tray, nativeImage } from 'electron';

export interface TrayActions {
  readonly show: () => void;
  readonly quit: () => void;
}

export function createTray(iconPath: string, actions: TrayActions): Tray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Wirewatch');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Show Wirewatch', click: actions.show },
      { type: 'separator' },
      { label: 'Quit', click: actions.quit },
    ]),
  );
  tray.on('click', actions.show);
  return tray;
}

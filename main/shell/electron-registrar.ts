/** Carries the contract over Electron's ipcMain, describing each caller for the sender policy. */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Registrar } from '../ipc/register';
import type { Sender } from '../ipc/sender';

export const electronRegistrar: Registrar = {
  handle(channel, respond) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => respond({ args, sender: senderOf(event) }));
  },
};

function senderOf(event: IpcMainInvokeEvent): Sender {
  const frame = event.senderFrame;
  return {
    kind: 'electron',
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame === event.sender.mainFrame,
  };
}

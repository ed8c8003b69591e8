/**
 * The preload: exposes exactly one object, `window.wirewatch`, built from the contract. Requests
 * outside the contract's channel list never reach ipcRenderer; replies are unwrapped into results
 * or rebuilt Errors; event listeners receive payloads, never Electron's event object.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { isEventChannel, isRequestChannel, unwrapReply, ContractError, type BridgeApi } from './api';

const api: BridgeApi = {
  async invoke(channel, ...args) {
    if (!isRequestChannel(channel)) throw new ContractError('unknown-channel', `no channel named ${String(channel)}`);
    return unwrapReply(await ipcRenderer.invoke(channel, ...args));
  },
  on(channel, listener) {
    if (!isEventChannel(channel)) throw new ContractError('unknown-channel', `no event named ${String(channel)}`);
    const forward = (_event: Electron.IpcRendererEvent, payload: unknown): void => {
      (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(channel, forward);
    return () => {
      ipcRenderer.removeListener(channel, forward);
    };
  },
  pathForFile: (file) => webUtils.getPathForFile(file),
};

contextBridge.exposeInMainWorld('wirewatch', api);

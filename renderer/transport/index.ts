/**
 * The renderer's one way to main: the Electron preload bridge when the page runs in Electron,
 * otherwise a WebSocket to the browser host that served the page (its token is in the URL).
 */
import type { BridgeApi, WirewatchApi } from '../../preload/api';
import { SOCKET_PATH } from '../../preload/api/socket-protocol';
import { SocketClient, type ConnectionState } from './socket-client';
import { uploadToHost } from './upload';

declare global {
  interface Window {
    /** Present only under Electron, exposed by preload/index.ts. */
    readonly wirewatch?: BridgeApi;
  }
}

export interface Transport {
  readonly kind: 'electron' | 'browser-host';
  readonly api: WirewatchApi;
  /**
   * A path the main process can read a dropped or picked file from: Electron tells the file's own
   * path; in a browser the file is uploaded to the host first (a browser cannot tell its path).
   */
  resolveFile(file: File): Promise<string>;
  onState(listener: (state: ConnectionState) => void): () => void;
}

/** Raised when the page was opened without the URL `wirewatch serve` printed. */
export class MissingTokenError extends Error {
  constructor() {
    super('This page needs the full address printed by `wirewatch serve`: it carries a secret token.');
    this.name = 'MissingTokenError';
  }
}

export function connectTransport(location: Location = window.location): Transport {
  const bridge = window.wirewatch;
  if (bridge !== undefined) {
    return {
      kind: 'electron',
      api: bridge,
      resolveFile: (file) => {
        const path = bridge.pathForFile(file);
        return path === ''
          ? Promise.reject(new Error(`${file.name} has no path on disk; save it to a file first`))
          : Promise.resolve(path);
      },
      onState: (listener) => {
        listener('open');
        return () => undefined;
      },
    };
  }
  const token = new URLSearchParams(location.search).get('token');
  if (token === null || token === '') throw new MissingTokenError();
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const url = `${scheme}//${location.host}${SOCKET_PATH}?token=${encodeURIComponent(token)}`;
  const client = new SocketClient(url, (address) => new WebSocket(address));
  return {
    kind: 'browser-host',
    api: client,
    resolveFile: (file) => uploadToHost(file, token),
    onState: (listener) => {
      listener(client.state);
      return client.onState(listener);
    },
  };
}

import { describe, expect, it } from 'vitest';
import { captureRuntime } from './capture-runtime';

describe('captureRuntime', () => {
  it('should run the helper with Node itself under plain Node', () => {
    expect(captureRuntime({ execPath: '/usr/bin/node', electron: undefined, exists: () => true })).toEqual({
      command: '/usr/bin/node',
      env: {},
    });
  });

  it('should use the capture interpreter beside a packaged app, never the fused app binary', () => {
    const present = new Set(['/opt/Wirewatch/wirewatch-capture']);
    expect(
      captureRuntime({ execPath: '/opt/Wirewatch/wirewatch', electron: '45.4.1', exists: (path) => present.has(path) }),
    ).toEqual({ command: '/opt/Wirewatch/wirewatch-capture', env: { ELECTRON_RUN_AS_NODE: '1' } });
  });

  it('should run unpackaged Electron as Node where there is no interpreter', () => {
    expect(
      captureRuntime({
        execPath: '/work/node_modules/electron/dist/electron',
        electron: '45.4.1',
        exists: () => false,
      }),
    ).toEqual({ command: '/work/node_modules/electron/dist/electron', env: { ELECTRON_RUN_AS_NODE: '1' } });
  });
});

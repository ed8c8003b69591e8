import { describe, expect, it } from 'vitest';
import { permissionAdvice } from './permission-message';

describe('permissionAdvice', () => {
  it('should give the exact setcap line for the runtime on Linux', () => {
    const advice = permissionAdvice('eth0', 'socket: Operation not permitted', '/usr/bin/node', 'linux');
    expect(advice.message).toBe(
      "Wirewatch's capture helper may not capture on eth0 (socket: Operation not permitted).",
    );
    expect(advice.fix).toContain('sudo setcap cap_net_raw,cap_net_admin=eip /usr/bin/node');
  });

  it('should quote a runtime path with spaces so the line can be pasted', () => {
    const advice = permissionAdvice('eth0', 'denied', "/opt/My App/it's", 'linux');
    expect(advice.fix).toContain(`eip '/opt/My App/it'\\''s'`);
  });

  it('should point to BPF access on macOS and Npcap on Windows', () => {
    expect(permissionAdvice('en0', 'denied', '/x', 'darwin').fix).toContain('ChmodBPF');
    expect(permissionAdvice('Ethernet', 'denied', 'C:\\x', 'win32').fix).toContain('Npcap');
  });
});

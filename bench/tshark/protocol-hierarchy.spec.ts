import { describe, expect, it } from 'vitest';
import { parseProtocolHierarchy } from './protocol-hierarchy';

// As tshark 4.0 prints it, trimmed.
const OUTPUT = `
===================================================================
Protocol Hierarchy Statistics
Filter: 

eth                                      frames:1000 bytes:670660
  vlan                                   frames:221 bytes:48208
    ip                                   frames:221 bytes:48208
      udp                                frames:221 bytes:48208
        data                             frames:221 bytes:48208
  ip                                     frames:700 bytes:596034
    tcp                                  frames:680 bytes:593979
      http                               frames:32 bytes:17221
    udp                                  frames:20 bytes:1907
      dns                                frames:20 bytes:1907
  ipv6                                   frames:78 bytes:26367
    udp                                  frames:3 bytes:440
      dns                                frames:3 bytes:440
    tcp                                  frames:75 bytes:25927
  arp                                    frames:1 bytes:60
===================================================================
`;

describe('parseProtocolHierarchy', () => {
  it('should total the frames and sum each protocol over every branch it appears in', () => {
    const { frames, protocols } = parseProtocolHierarchy(OUTPUT);
    expect(frames).toBe(1000);
    expect(protocols.get('udp')).toBe(221 + 20 + 3);
    expect(protocols.get('tcp')).toBe(680 + 75);
    expect(protocols.get('dns')).toBe(23);
    expect(protocols.get('arp')).toBe(1);
    expect(protocols.get('icmp')).toBeUndefined();
  });

  it('should refuse output without a hierarchy', () => {
    expect(() => parseProtocolHierarchy('tshark: The file "x" does not exist.')).toThrow(/Protocol Hierarchy/);
  });
});

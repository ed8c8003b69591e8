import { describe, expect, it } from 'vitest';
import { parseReports } from './arpwatch-peer';

// Abridged from `arpwatch -d -r arp_spoof.pcap` on a lab capture (Debian 12, arpwatch 2.1a15).
const REPORTS = `From: arpwatch (Arpwatch vm)
To: root
Subject: new station (10.77.0.10) (from file)

          ip address: 10.77.0.10
           timestamp: Saturday, November 21, 2026 14:09:52 +0000

From: arpwatch (Arpwatch vm)
To: root
Subject: changed ethernet address (10.77.0.10) (from file)

          ip address: 10.77.0.10
           timestamp: Saturday, November 21, 2026 14:09:57 +0000
  previous timestamp: Saturday, November 21, 2026 14:09:52 +0000

Subject: flip flop (10.77.0.10) (from file)
           timestamp: Saturday, November 21, 2026 14:10:11 +0000
  previous timestamp: Saturday, November 21, 2026 14:10:09 +0000
`;

describe('arpwatch reports', () => {
  it('should turn address changes and flip flops into alerts and skip new stations', () => {
    const alerts = parseReports(REPORTS, '/lab/arp_spoof.pcap');
    expect(alerts.map((alert) => [alert.kind, alert.dst, alert.summary])).toEqual([
      ['arp_spoof', '10.77.0.10', 'changed ethernet address (10.77.0.10)'],
      ['arp_spoof', '10.77.0.10', 'flip flop (10.77.0.10)'],
    ]);
    expect(alerts[0]?.first_seen).toBe(Date.UTC(2026, 10, 21, 14, 9, 57) / 1000);
  });
});

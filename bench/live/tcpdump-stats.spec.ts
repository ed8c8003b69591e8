import { describe, expect, it } from 'vitest';
import { parseTcpdumpStats, quantile } from './tcpdump-stats';

describe('parseTcpdumpStats', () => {
  it('should read the counts tcpdump prints when it stops', () => {
    const stderr = [
      'tcpdump: listening on veth0, link-type EN10MB (Ethernet), snapshot length 262144 bytes',
      '300000 packets captured',
      '300512 packets received by filter',
      '512 packets dropped by kernel',
    ].join('\n');
    expect(parseTcpdumpStats(stderr)).toEqual({ captured: 300_000, received: 300_512, droppedByKernel: 512 });
    expect(parseTcpdumpStats('tcpdump: listening on veth0')).toBeUndefined();
  });
});

describe('quantile', () => {
  it('should take the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

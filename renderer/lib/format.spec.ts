import { describe, expect, it } from 'vitest';
import { formatBytes, formatEpochSeconds } from './format';

describe('format', () => {
  it('should show sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('should show packet time in UTC to the millisecond', () => {
    expect(formatEpochSeconds(1700000000.123456, 'utc')).toBe('2023-11-14 22:13:20.123Z');
  });
});

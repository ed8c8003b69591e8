import { describe, expect, it } from 'vitest';
import { hex } from './hex';

describe('hex', () => {
  it('should turn pairs of hex digits into bytes, ignoring spaces', () => {
    expect([...hex('00ff 7F 10')]).toEqual([0x00, 0xff, 0x7f, 0x10]);
  });

  it('should give no bytes for an empty string', () => {
    expect(hex('').length).toBe(0);
  });

  it('should throw on an odd number of digits or a non-hex character, so fixture typos fail loudly', () => {
    expect(() => hex('abc')).toThrow(/even number/);
    expect(() => hex('zz')).toThrow(/even number/);
  });
});

import { describe, expect, it } from 'vitest';
import { DECODE, DECODE_RESULT_COUNT, DECODE_RESULT_NAMES, decodeResultName, isMalformed } from './result';

describe('decode results', () => {
  it('should name every code after its constant, in code order', () => {
    const entries = Object.entries(DECODE);
    expect(entries.length).toBe(DECODE_RESULT_COUNT);
    for (const [key, code] of entries) {
      expect(DECODE_RESULT_NAMES[code]).toBe(key.toLowerCase().replaceAll('_', '-'));
    }
  });

  it('should number codes 0..count-1 without gaps so they can index a counter array', () => {
    const codes = Object.values(DECODE).sort((a, b) => a - b);
    expect(codes).toEqual([...Array(DECODE_RESULT_COUNT).keys()]);
  });

  it('should tell malformed frames from unsupported ones', () => {
    expect(isMalformed(DECODE.OK)).toBe(false);
    expect(isMalformed(DECODE.LLC_FRAME)).toBe(false);
    expect(isMalformed(DECODE.UNSUPPORTED_ARP_FORMAT)).toBe(false);
    expect(isMalformed(DECODE.TRUNCATED_ETHERNET)).toBe(true);
    expect(isMalformed(DECODE.BAD_TCP_OPTIONS)).toBe(true);
  });

  it('should give a code its name', () => {
    expect(decodeResultName(DECODE.TRUNCATED_TCP)).toBe('truncated-tcp');
  });
});

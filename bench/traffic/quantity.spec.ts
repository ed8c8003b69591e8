import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it('should read packet counts in powers of 1000', () => {
    expect(parseQuantity('2M', 1000)).toBe(2_000_000);
    expect(parseQuantity('250k', 1000)).toBe(250_000);
    expect(parseQuantity('1500', 1000)).toBe(1500);
  });

  it('should read sizes in powers of 1024', () => {
    expect(parseQuantity('4G', 1024)).toBe(4 * 1024 ** 3);
    expect(parseQuantity('1.5GB', 1024)).toBe(1.5 * 1024 ** 3);
  });

  it('should refuse anything else', () => {
    expect(() => parseQuantity('lots', 1000)).toThrow(/not a size/);
    expect(() => parseQuantity('4X', 1024)).toThrow(/not a size/);
  });
});

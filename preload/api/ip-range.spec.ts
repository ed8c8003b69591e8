import { describe, expect, it } from 'vitest';
import { addressKey, parseAddressRange, rangeContains } from './ip-range';

describe('address ranges', () => {
  it('should read a CIDR block as the range of its keys', () => {
    const range = parseAddressRange('10.77.0.0/16');
    expect(range?.text).toBe('10.77.0.0/16');
    expect(range?.low).toBe(addressKey('10.77.0.0'));
    expect(range?.high).toBe(addressKey('10.77.255.255'));
  });

  it('should treat a bare address as a block of one', () => {
    const range = parseAddressRange(' 10.77.0.66 ');
    expect(range?.low).toBe(range?.high);
    expect(range && rangeContains(range, '10.77.0.66')).toBe(true);
    expect(range && rangeContains(range, '10.77.0.67')).toBe(false);
  });

  it('should place IPv4 inside IPv6 as ::ffff:a.b.c.d', () => {
    expect(addressKey('10.0.0.1')).toBe(addressKey('::ffff:10.0.0.1'));
    expect(addressKey('10.0.0.1')).toBe('00000000000000000000ffff0a000001');
    const mapped = parseAddressRange('::ffff:10.0.0.0/104');
    expect(mapped && rangeContains(mapped, '10.255.1.2')).toBe(true);
    expect(mapped && rangeContains(mapped, '11.0.0.0')).toBe(false);
  });

  it('should read IPv6 blocks with :: anywhere', () => {
    const range = parseAddressRange('2001:db8::/32');
    expect(range && rangeContains(range, '2001:db8:ffff::1')).toBe(true);
    expect(range && rangeContains(range, '2001:db9::1')).toBe(false);
    expect(addressKey('::1')).toBe(`${'0'.repeat(31)}1`);
    expect(addressKey('fe80::')).toBe(`fe80${'0'.repeat(28)}`);
    expect(parseAddressRange('::/0')?.high).toBe('f'.repeat(32));
  });

  it('should refuse what is not an address or block', () => {
    for (const bad of [
      '',
      '10.77.0',
      '10.77.0.256',
      '10.0.0.0/33',
      '2001:db8::/129',
      '1::2::3',
      'host',
      '10.0.0.0/8/8',
    ]) {
      expect(parseAddressRange(bad), bad).toBeUndefined();
    }
    expect(addressKey('1:2:3:4:5:6:7')).toBeUndefined();
  });

  it('should keep a null or unparsable address out of every block', () => {
    const range = parseAddressRange('0.0.0.0/0');
    expect(range && rangeContains(range, null)).toBe(false);
    expect(range && rangeContains(range, 'many')).toBe(false);
  });
});

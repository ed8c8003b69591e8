import { describe, expect, it } from 'vitest';
import { ipToString, ipv4ToString, ipv6ToString, macToString } from './address-format';
import { L3 } from './packet';

/** Words from eight 16-bit groups, to write test addresses the way they are read. */
function words(...groups: number[]): Uint32Array {
  const out = new Uint32Array(4);
  for (let i = 0; i < 4; i++) out[i] = (((groups[2 * i] ?? 0) << 16) | (groups[2 * i + 1] ?? 0)) >>> 0;
  return out;
}

describe('ipv4ToString', () => {
  it('should write dotted quads, including addresses above 2^31', () => {
    expect(ipv4ToString(0xc0a80001)).toBe('192.168.0.1');
    expect(ipv4ToString(0xffffffff)).toBe('255.255.255.255');
    expect(ipv4ToString(0)).toBe('0.0.0.0');
  });
});

describe('ipv6ToString', () => {
  it.each([
    [[0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], '2001:db8::1'],
    [[0, 0, 0, 0, 0, 0, 0, 0], '::'],
    [[0, 0, 0, 0, 0, 0, 0, 1], '::1'],
    [[0xfe80, 0, 0, 0, 0, 0, 0, 0], 'fe80::'],
    [[0x2001, 0xdb8, 0, 1, 1, 1, 1, 1], '2001:db8:0:1:1:1:1:1'], // one zero group stays (RFC 5952 §4.2.2)
    [[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], '2001:db8::1:0:0:1'], // the first of two equal runs (§4.2.3)
    [[0x2001, 0, 0, 1, 0, 0, 0, 1], '2001:0:0:1::1'], // the longest run (§4.2.3)
    [[0x2001, 0xdb8, 0xaaaa, 0xbbbb, 0xcccc, 0xdddd, 0xeeee, 0xffff], '2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff'],
  ])('should write %j in RFC 5952 form as %s', (groups, text) => {
    expect(ipv6ToString(words(...groups))).toBe(text);
  });

  it('should write IPv4-mapped addresses with a dotted quad unless asked not to', () => {
    const mapped = words(0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201);
    expect(ipv6ToString(mapped)).toBe('::ffff:192.0.2.1');
    expect(ipv6ToString(mapped, false)).toBe('::ffff:c000:201');
  });
});

describe('ipToString', () => {
  it('should pick the family from l3', () => {
    expect(ipToString(L3.IPV4, [0x0a000001, 0, 0, 0])).toBe('10.0.0.1');
    expect(ipToString(L3.IPV6, words(0, 0, 0, 0, 0, 0, 0, 1))).toBe('::1');
    expect(ipToString(L3.ARP, [1, 2, 3, 4])).toBe('');
  });
});

describe('macToString', () => {
  it('should write six lowercase, zero-padded bytes', () => {
    expect(macToString(0x001b210abcde)).toBe('00:1b:21:0a:bc:de');
    expect(macToString(0xffffffffffff)).toBe('ff:ff:ff:ff:ff:ff');
    expect(macToString(0)).toBe('00:00:00:00:00:00');
  });
});

import { describe, expect, it } from 'vitest';
import { ICMPV6_ECHO_REQUEST } from './fixtures';
import { hex } from './hex';
import { decodeIcmpv6 } from './icmpv6';
import { Packet } from './packet';
import { DECODE } from './result';

describe('decodeIcmpv6', () => {
  it('should read type and code', () => {
    const bytes = hex(ICMPV6_ECHO_REQUEST);
    const p = new Packet();
    expect(decodeIcmpv6(bytes, 0, bytes.length, p)).toBe(DECODE.OK);
    expect([p.icmpType, p.icmpCode]).toEqual([128, 0]);
  });

  it('should read a neighbour solicitation (RFC 4861 §4.3)', () => {
    const bytes = hex(
      '87' + // type 135: neighbour solicitation
        '00' + // code 0
        '0000' + // checksum
        '00000000' + // reserved
        'fe800000000000000000000000000001', // target address fe80::1
    );
    const p = new Packet();
    decodeIcmpv6(bytes, 0, bytes.length, p);
    expect([p.icmpType, p.icmpCode, p.payloadLength]).toEqual([135, 0, 20]);
  });

  it('should report a header under 4 bytes as truncated', () => {
    const bytes = hex('8000'); // type 128, code 0, no checksum
    expect(decodeIcmpv6(bytes, 0, bytes.length, new Packet())).toBe(DECODE.TRUNCATED_ICMPV6);
  });
});

import { describe, expect, it } from 'vitest';
import { ICMP_ECHO_REQUEST } from './fixtures';
import { hex } from './hex';
import { decodeIcmp } from './icmp';
import { LAYER, Packet } from './packet';
import { DECODE } from './result';

describe('decodeIcmp', () => {
  it('should read type and code', () => {
    const bytes = hex(ICMP_ECHO_REQUEST);
    const p = new Packet();
    expect(decodeIcmp(bytes, 0, bytes.length, p)).toBe(DECODE.OK);
    expect([p.icmpType, p.icmpCode]).toEqual([8, 0]);
    expect([p.payloadOffset, p.payloadLength]).toEqual([4, 4]);
    expect(p.depth).toBe(LAYER.TRANSPORT);
  });

  it('should read a destination-unreachable error', () => {
    const bytes = hex(
      '03' + // type 3: destination unreachable
        '03' + // code 3: port unreachable
        '0000' + // checksum
        '00000000', // unused
    );
    const p = new Packet();
    decodeIcmp(bytes, 0, bytes.length, p);
    expect([p.icmpType, p.icmpCode]).toEqual([3, 3]);
  });

  it('should report a header under 4 bytes as truncated, with type and code absent', () => {
    const bytes = hex(ICMP_ECHO_REQUEST).subarray(0, 3);
    const p = new Packet();
    expect(decodeIcmp(bytes, 0, bytes.length, p)).toBe(DECODE.TRUNCATED_ICMP);
    expect([p.icmpType, p.icmpCode]).toEqual([-1, -1]);
  });
});

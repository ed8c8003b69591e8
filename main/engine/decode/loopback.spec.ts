import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../sources/frame-batch';
import { decodeFrame } from './decode-frame';
import {
  ICMP_ECHO_REQUEST,
  ICMPV6_ECHO_REQUEST,
  IPV4_ICMP,
  IPV6_ICMPV6,
  IPV6_TCP,
  LOOP_IPV6,
  NULL_BE_IPV6,
  NULL_LE_IPV4,
  TCP_SYN_ACK,
} from './fixtures';
import { hex } from './hex';
import { L3, Packet } from './packet';
import { DECODE } from './result';

function decode(bytes: Uint8Array, linktype: number): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeFrame(bytes, 0, bytes.length, linktype, p);
  return { result, p };
}

describe('decodeNull', () => {
  it('should read AF_INET written by a little-endian host', () => {
    const { result, p } = decode(hex(NULL_LE_IPV4 + IPV4_ICMP + ICMP_ECHO_REQUEST), LINKTYPE.NULL);
    expect(result).toBe(DECODE.OK);
    expect(p.l3).toBe(L3.IPV4);
    expect(p.etherType).toBe(0x0800);
  });

  it('should read AF_INET6 written by a big-endian host', () => {
    const { result, p } = decode(hex(NULL_BE_IPV6 + IPV6_ICMPV6 + ICMPV6_ECHO_REQUEST), LINKTYPE.NULL);
    expect(result).toBe(DECODE.OK);
    expect(p.l3).toBe(L3.IPV6);
    expect(p.icmpType).toBe(128);
  });

  it.each([24, 28, 30])('should take family %i, an AF_INET6 of some BSD, as IPv6', (family) => {
    const header = hex('00000000');
    header[0] = family; // little-endian host order
    const bytes = new Uint8Array([...header, ...hex(IPV6_TCP + TCP_SYN_ACK)]);
    expect(decode(bytes, LINKTYPE.NULL).p.l3).toBe(L3.IPV6);
  });

  it('should report an address family other than IPv4 or IPv6', () => {
    expect(decode(hex('07000000' + IPV4_ICMP), LINKTYPE.NULL).result).toBe(DECODE.UNSUPPORTED_ADDRESS_FAMILY); // AF_IMPLINK
  });

  it('should report a header under 4 bytes as truncated', () => {
    expect(decode(hex('0200'), LINKTYPE.NULL).result).toBe(DECODE.TRUNCATED_LOOPBACK);
  });
});

describe('decodeLoop', () => {
  it('should read the family in network byte order', () => {
    const { result, p } = decode(hex(LOOP_IPV6 + IPV6_TCP + TCP_SYN_ACK), LINKTYPE.LOOP);
    expect(result).toBe(DECODE.OK);
    expect(p.l3).toBe(L3.IPV6);
  });

  it('should not accept a little-endian family, which LOOP never has', () => {
    expect(decode(hex(NULL_LE_IPV4 + IPV4_ICMP), LINKTYPE.LOOP).result).toBe(DECODE.UNSUPPORTED_ADDRESS_FAMILY);
  });
});

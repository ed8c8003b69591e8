import { describe, expect, it } from 'vitest';
import { IPV4_UDP_DNS, UDP_DNS_QUERY } from './fixtures';
import { hex } from './hex';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import { LAYER, Packet } from './packet';
import { DECODE } from './result';
import { decodeUdp } from './udp';

function decode(bytes: Uint8Array): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeUdp(bytes, 0, bytes.length, p);
  return { result, p };
}

function decodeOverIpv4(bytes: Uint8Array): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeIpv4(bytes, 0, bytes.length, p);
  return { result, p };
}

describe('decodeUdp', () => {
  it('should read ports and the payload the length field covers', () => {
    const { result, p } = decode(hex(UDP_DNS_QUERY));
    expect(result).toBe(DECODE.OK);
    expect([p.srcPort, p.dstPort]).toEqual([54321, 53]);
    expect([p.payloadOffset, p.payloadLength]).toEqual([8, 29]);
    expect(p.depth).toBe(LAYER.TRANSPORT);
  });

  it('should reject a length under 8, keeping the ports', () => {
    const bytes = hex(UDP_DNS_QUERY);
    bytes[5] = 7; // length 7
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.BAD_UDP_LENGTH);
    expect(p.dstPort).toBe(53);
  });

  it('should reject a length past the end of the IP packet', () => {
    const bytes = hex(IPV4_UDP_DNS + UDP_DNS_QUERY);
    bytes[20 + 5] = 0x40; // UDP length 64 in a 37-byte datagram
    const { result, p } = decodeOverIpv4(bytes);
    expect(result).toBe(DECODE.BAD_UDP_LENGTH);
    expect(p.payloadLength).toBe(29);
  });

  it('should accept a length past the captured bytes when the snap length cut the packet', () => {
    const { result, p } = decodeOverIpv4(hex(IPV4_UDP_DNS + UDP_DNS_QUERY).subarray(0, 40));
    expect(result).toBe(DECODE.OK);
    expect(p.payloadLength).toBe(12);
  });

  it("should accept a first fragment's length, which covers the whole datagram", () => {
    const bytes = hex(IPV4_UDP_DNS + UDP_DNS_QUERY);
    bytes[6] = 0x20; // MF
    bytes[20 + 4] = 0x05;
    bytes[20 + 5] = 0xdc; // UDP length 1500
    const { result, p } = decodeOverIpv4(bytes);
    expect(result).toBe(DECODE.OK);
    expect(p.payloadLength).toBe(29);
  });

  it('should leave bytes past the UDP length out of the payload', () => {
    const bytes = hex(
      '0035' + // source port 53
        '0035' + // destination port 53
        '000a' + // length 10
        '0000' + // checksum
        'abcd' + // 2 bytes of data
        'eeee', // 2 more bytes the length does not cover
    );
    expect(decode(bytes).p.payloadLength).toBe(2);
  });

  it('should take a length of 0 over IPv6 as a jumbogram (RFC 2675)', () => {
    const bytes = hex(
      '60000000' + // version 6
        '0000' + // payload length 0 (jumbo payload option omitted here)
        '11' + // next header UDP
        '40' + // hop limit
        '00'.repeat(32) + // addresses ::
        '0035' + // source port 53
        '0035' + // destination port 53
        '0000' + // length 0: see the jumbo payload option
        '0000' + // checksum
        'abcdef', // data
    );
    const p = new Packet();
    expect(decodeIpv6(bytes, 0, bytes.length, p)).toBe(DECODE.OK);
    expect(p.payloadLength).toBe(3);
  });

  it('should report a header under 8 bytes as truncated', () => {
    const { result, p } = decode(hex(UDP_DNS_QUERY).subarray(0, 7));
    expect(result).toBe(DECODE.TRUNCATED_UDP);
    expect(p.srcPort).toBe(0);
  });
});

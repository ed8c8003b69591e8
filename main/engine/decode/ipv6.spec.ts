import { describe, expect, it } from 'vitest';
import { IPV6_EXTENSIONS_UDP, IPV6_TCP, TCP_SYN_ACK, UDP_DNS_QUERY } from './fixtures';
import { hex } from './hex';
import { decodeIpv6 } from './ipv6';
import { MAX_IPV6_EXTENSIONS } from './ipv6-extensions';
import { IPPROTO, L3, LAYER, Packet } from './packet';
import { DECODE } from './result';

function decode(bytes: Uint8Array): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeIpv6(bytes, 0, bytes.length, p);
  return { result, p };
}

/** An IPv6 header with the given payload length (hex, 4 digits) and first next header (hex, 2 digits). */
function ipv6Header(payloadLength: string, nextHeader: string): string {
  return (
    '60000000' + // version 6, traffic class 0, flow label 0
    payloadLength + // payload length
    nextHeader + // next header
    '40' + // hop limit 64
    '20010db8000000000000000000000001' + // source 2001:db8::1
    '20010db8000000000000000000000002' // destination 2001:db8::2
  );
}

const UDP_EMPTY =
  '1f90' + // source port 8080
  '0035' + // destination port 53
  '0008' + // length 8
  '0000'; // checksum

describe('decodeIpv6', () => {
  it('should read addresses, hop limit and next header, then the transport header', () => {
    const { result, p } = decode(hex(IPV6_TCP + TCP_SYN_ACK));
    expect(result).toBe(DECODE.OK);
    expect(p.l3).toBe(L3.IPV6);
    expect([...p.src]).toEqual([0x20010db8, 0, 0, 1]);
    expect([...p.dst]).toEqual([0x20010db8, 0, 0, 2]);
    expect(p.ttl).toBe(64);
    expect(p.protocol).toBe(IPPROTO.TCP);
    expect(p.ipLength).toBe(60);
    expect(p.ipHeaderLength).toBe(40);
    expect([p.srcPort, p.dstPort]).toEqual([80, 50000]);
  });

  it('should walk hop-by-hop, destination options and fragment headers to UDP', () => {
    const { result, p } = decode(hex(IPV6_EXTENSIONS_UDP + UDP_DNS_QUERY));
    expect(result).toBe(DECODE.OK);
    expect(p.protocol).toBe(IPPROTO.UDP);
    expect(p.ipHeaderLength).toBe(64);
    expect(p.ipId).toBe(0xabcd);
    expect([p.fragmentOffset, p.moreFragments]).toEqual([0, false]);
    expect(p.dstPort).toBe(53);
    expect(p.payloadLength).toBe(29);
  });

  it('should walk routing and mobility headers', () => {
    const bytes = hex(
      ipv6Header('0020', '2b') + // payload 32, next header routing (43)
        '87' + // routing: next header mobility (135)
        '00' + // routing: length 0 (8 bytes)
        '04' + // routing type 4 (segment routing)
        '00' + // segments left 0
        '00000000' + // type-specific data
        '11' + // mobility: next header UDP (RFC 6275 uses 59 here; any value is followed)
        '00' + // mobility: length 0 (8 bytes)
        '000000000000' + // mobility message
        UDP_EMPTY +
        '00'.repeat(8), // UDP bytes past the UDP length: not payload
    );
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.OK);
    expect(p.protocol).toBe(IPPROTO.UDP);
    expect(p.srcPort).toBe(8080);
  });

  it('should read the AH length in 4-byte units plus 2', () => {
    const bytes = hex(
      ipv6Header('0020', '33') + // payload 32, next header AH (51)
        '11' + // AH: next header UDP
        '04' + // AH: payload length 4 -> (4 + 2) * 4 = 24 bytes
        '0000' + // reserved
        '00000100' + // SPI
        '00000001' + // sequence number
        '00'.repeat(12) + // ICV (96-bit)
        UDP_EMPTY,
    );
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.OK);
    expect(p.ipHeaderLength).toBe(64);
    expect(p.dstPort).toBe(53);
  });

  it('should stop at ESP, whose contents are encrypted', () => {
    const bytes = hex(
      ipv6Header('0010', '32') + // payload 16, next header ESP (50)
        '00000100' + // SPI
        '00000001' + // sequence number
        '0123456789abcdef', // encrypted payload
    );
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.OK);
    expect(p.protocol).toBe(50);
    expect(p.depth).toBe(LAYER.NETWORK);
    expect(p.payloadLength).toBe(16);
  });

  it('should stop at "no next header"', () => {
    const { result, p } = decode(hex(ipv6Header('0000', '3b'))); // payload 0, next header 59
    expect(result).toBe(DECODE.OK);
    expect(p.protocol).toBe(59);
    expect(p.payloadLength).toBe(0);
  });

  it('should not read ports from a non-first fragment', () => {
    const bytes = hex(
      ipv6Header('0010', '2c') + // payload 16, next header fragment (44)
        '11' + // fragment: next header UDP
        '00' + // reserved
        '05a9' + // offset 181 (1448 bytes), M 1
        '12345678' + // identification
        UDP_EMPTY, // looks like UDP but is the middle of the datagram
    );
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.OK);
    expect([p.fragmentOffset, p.moreFragments, p.ipId]).toEqual([1448, true, 0x12345678]);
    expect(p.protocol).toBe(IPPROTO.UDP);
    expect(p.depth).toBe(LAYER.NETWORK);
    expect(p.dstPort).toBe(0);
  });

  it('should stop a hostile chain of extension headers', () => {
    const count = MAX_IPV6_EXTENSIONS + 4;
    const options = ('3c' + '00' + '010400000000').repeat(count); // destination options -> destination options …
    const payloadLength = (count * 8).toString(16).padStart(4, '0');
    const { result, p } = decode(hex(ipv6Header(payloadLength, '3c') + options));
    expect(result).toBe(DECODE.TOO_MANY_IPV6_EXTENSIONS);
    expect(p.depth).toBe(LAYER.NETWORK);
    expect(p.ipHeaderLength).toBe(40 + MAX_IPV6_EXTENSIONS * 8);
  });

  it('should report an extension header cut by the capture as truncated', () => {
    const whole = hex(IPV6_EXTENSIONS_UDP + UDP_DNS_QUERY);
    const { result, p } = decode(whole.subarray(0, 40 + 12)); // the hop-by-hop header and half the next
    expect(result).toBe(DECODE.TRUNCATED_IPV6_EXTENSION);
    expect(p.ipTruncated).toBe(true);
    expect(p.l3).toBe(L3.IPV6);
  });

  it('should report an extension header longer than the payload length allows', () => {
    const bytes = hex(
      ipv6Header('0008', '00') + // payload 8, next header hop-by-hop
        '11' + // hop-by-hop: next header UDP
        '01' + // length 1 -> 16 bytes, past the 8-byte payload
        '010400000000' + // PadN
        '00'.repeat(8), // captured bytes beyond the payload length
    );
    expect(decode(bytes).result).toBe(DECODE.BAD_IPV6_EXTENSION_LENGTH);
  });

  it('should report a header under 40 bytes as truncated, and a version other than 6', () => {
    expect(decode(hex(IPV6_TCP).subarray(0, 39)).result).toBe(DECODE.TRUNCATED_IPV6);
    const bytes = hex(IPV6_TCP + TCP_SYN_ACK);
    bytes[0] = 0x40;
    expect(decode(bytes).result).toBe(DECODE.BAD_IP_VERSION);
  });

  it('should decode a packet the snap length cut short, as far as it goes', () => {
    const { result, p } = decode(hex(IPV6_TCP + TCP_SYN_ACK).subarray(0, 50));
    expect(result).toBe(DECODE.TRUNCATED_TCP);
    expect(p.ipTruncated).toBe(true);
    expect(p.ipLength).toBe(60);
    expect(p.depth).toBe(LAYER.NETWORK);
  });
});

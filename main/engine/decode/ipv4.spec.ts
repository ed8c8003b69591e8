import { describe, expect, it } from 'vitest';
import { IPV4_TCP_SYN, IPV4_UDP_DNS, TCP_SYN, UDP_DNS_QUERY } from './fixtures';
import { hex } from './hex';
import { decodeIpv4 } from './ipv4';
import { IPPROTO, L3, LAYER, Packet } from './packet';
import { DECODE } from './result';

function decode(bytes: Uint8Array): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeIpv4(bytes, 0, bytes.length, p);
  return { result, p };
}

/** An IPv4 header with the given second word (flags and fragment offset) around 8 bytes of UDP. */
function udpWithFragmentWord(flagsFragment: string): Uint8Array {
  return hex(
    '45' + // version 4, IHL 5
      '00' + // DSCP, ECN
      '001c' + // total length 28
      '0099' + // identification 0x99
      flagsFragment + // flags and fragment offset
      '40' + // TTL 64
      '11' + // protocol UDP
      '0000' + // checksum
      '0a000001' + // source 10.0.0.1
      '0a000002' + // destination 10.0.0.2
      '1f90' + // UDP source port 8080
      '0035' + // UDP destination port 53
      '0008' + // UDP length 8
      '0000', // UDP checksum
  );
}

describe('decodeIpv4', () => {
  it('should read addresses, TTL, protocol, identification and flags, then the transport header', () => {
    const { result, p } = decode(hex(IPV4_TCP_SYN + TCP_SYN));
    expect(result).toBe(DECODE.OK);
    expect(p.l3).toBe(L3.IPV4);
    expect(p.src[0]).toBe(0xc0a80001);
    expect(p.dst[0]).toBe(0xc0a800c7);
    expect(p.ttl).toBe(64);
    expect(p.protocol).toBe(IPPROTO.TCP);
    expect(p.ipId).toBe(0x1c46);
    expect(p.ipLength).toBe(60);
    expect(p.ipHeaderLength).toBe(20);
    expect([p.dontFragment, p.moreFragments, p.fragmentOffset, p.ipOptions]).toEqual([true, false, 0, false]);
    expect(p.depth).toBe(LAYER.TRANSPORT);
  });

  it('should skip options when IHL is over 5', () => {
    const bytes = hex(
      '46' + // version 4, IHL 6 (24 bytes)
        '00' + // DSCP, ECN
        '0020' + // total length 32
        '0001' + // identification
        '0000' + // no flags, offset 0
        '01' + // TTL 1
        '11' + // protocol UDP
        '0000' + // checksum
        '0a000001' + // source 10.0.0.1
        'e0000016' + // destination 224.0.0.22
        '94040000' + // option: router alert (RFC 2113)
        '0044' + // UDP source port 68
        '0043' + // UDP destination port 67
        '0008' + // UDP length 8
        '0000', // UDP checksum
    );
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.OK);
    expect(p.ipOptions).toBe(true);
    expect(p.ipHeaderLength).toBe(24);
    expect([p.srcPort, p.dstPort]).toEqual([68, 67]);
  });

  it('should read MF and the fragment offset, and decode the transport header of a first fragment', () => {
    const { result, p } = decode(udpWithFragmentWord('2000')); // MF, offset 0
    expect(result).toBe(DECODE.OK);
    expect([p.moreFragments, p.fragmentOffset]).toEqual([true, 0]);
    expect(p.dstPort).toBe(53);
  });

  it('should not read ports from a non-first fragment, whose bytes are the middle of a datagram', () => {
    const { result, p } = decode(udpWithFragmentWord('00b9')); // no MF, offset 185 units = 1480 bytes
    expect(result).toBe(DECODE.OK);
    expect(p.fragmentOffset).toBe(1480);
    expect(p.depth).toBe(LAYER.NETWORK);
    expect([p.srcPort, p.dstPort]).toEqual([0, 0]);
    expect(p.payloadLength).toBe(8);
  });

  it('should reject a version other than 4', () => {
    const bytes = hex(IPV4_TCP_SYN);
    bytes[0] = 0x65; // version 6, IHL 5
    expect(decode(bytes).result).toBe(DECODE.BAD_IP_VERSION);
  });

  it('should reject an IHL under 5', () => {
    const bytes = hex(IPV4_TCP_SYN + TCP_SYN);
    bytes[0] = 0x44; // version 4, IHL 4 (16 bytes)
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.BAD_IPV4_HEADER_LENGTH);
    expect(p.depth).toBe(LAYER.NONE);
  });

  it('should reject a total length shorter than the header', () => {
    const bytes = hex(IPV4_TCP_SYN + TCP_SYN);
    bytes[2] = 0x00;
    bytes[3] = 0x13; // total length 19
    expect(decode(bytes).result).toBe(DECODE.BAD_IPV4_TOTAL_LENGTH);
  });

  it('should report options cut by the capture as truncated', () => {
    const bytes = hex(IPV4_TCP_SYN);
    bytes[0] = 0x4f; // IHL 15 (60 bytes), but only 20 captured
    expect(decode(bytes).result).toBe(DECODE.TRUNCATED_IPV4);
  });

  it('should decode a packet the snap length cut short, as far as it goes, and say so', () => {
    const whole = hex(IPV4_UDP_DNS + UDP_DNS_QUERY);
    const { result, p } = decode(whole.subarray(0, 20 + 8 + 4)); // IP, UDP and 4 bytes of DNS
    expect(result).toBe(DECODE.OK);
    expect(p.ipTruncated).toBe(true);
    expect(p.ipLength).toBe(57);
    expect(p.payloadLength).toBe(4);
  });

  it('should leave Ethernet padding past the total length out of the payload', () => {
    const { p } = decode(hex(IPV4_UDP_DNS + UDP_DNS_QUERY + '000000')); // 3 bytes of padding
    expect(p.ipTruncated).toBe(false);
    expect(p.payloadLength).toBe(29);
  });

  it('should read a total length of 0, as a TSO capture shows, as the captured length', () => {
    const bytes = hex(IPV4_TCP_SYN + TCP_SYN);
    bytes[2] = 0;
    bytes[3] = 0; // total length 0
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.OK);
    expect(p.ipLength).toBe(60);
    expect(p.srcPort).toBe(50000);
  });

  it('should keep the IP facts when the transport header is cut short', () => {
    const { result, p } = decode(hex(IPV4_TCP_SYN + TCP_SYN).subarray(0, 30));
    expect(result).toBe(DECODE.TRUNCATED_TCP);
    expect(p.depth).toBe(LAYER.NETWORK);
    expect(p.src[0]).toBe(0xc0a80001);
    expect(p.srcPort).toBe(0);
  });

  it('should leave a protocol it has no decoder for as OK, with the IP payload as payload', () => {
    const bytes = hex(IPV4_TCP_SYN + TCP_SYN);
    bytes[9] = 47; // protocol GRE
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.OK);
    expect(p.protocol).toBe(47);
    expect(p.depth).toBe(LAYER.NETWORK);
    expect([p.payloadOffset, p.payloadLength]).toEqual([20, 40]);
  });
});

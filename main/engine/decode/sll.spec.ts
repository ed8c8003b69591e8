import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../sources/frame-batch';
import { decodeFrame } from './decode-frame';
import { IPV4_UDP_DNS, IPV6_TCP, SLL2_IPV6, SLL_IPV4, TCP_SYN_ACK, UDP_DNS_QUERY } from './fixtures';
import { hex } from './hex';
import { L3, LAYER, Packet } from './packet';
import { DECODE } from './result';

function decode(bytes: Uint8Array, linktype: number): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeFrame(bytes, 0, bytes.length, linktype, p);
  return { result, p };
}

describe('decodeSll', () => {
  it('should read the packet type and sender MAC, then the IPv4 payload', () => {
    const { result, p } = decode(hex(SLL_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY), LINKTYPE.LINUX_SLL);
    expect(result).toBe(DECODE.OK);
    expect(p.linkPacketType).toBe(0);
    expect(p.ethSrc).toBe(0x66778899aabb);
    expect(p.l3).toBe(L3.IPV4);
    expect(p.dstPort).toBe(53);
  });

  it('should report a header under 16 bytes as truncated', () => {
    const { result, p } = decode(hex(SLL_IPV4).subarray(0, 15), LINKTYPE.LINUX_SLL);
    expect(result).toBe(DECODE.TRUNCATED_SLL);
    expect(p.depth).toBe(LAYER.NONE);
  });

  it('should not read a netlink capture protocol as an EtherType', () => {
    const frame = hex(
      '0004' + // packet type 4: sent by this host
        '0338' + // ARPHRD_NETLINK (824)
        '0000' + // no link address
        '0000000000000000' + // address bytes
        '0800', // protocol 0x0800, meaning a netlink family here, not IPv4
    );
    expect(decode(frame, LINKTYPE.LINUX_SLL).result).toBe(DECODE.UNSUPPORTED_ETHERTYPE);
  });
});

describe('decodeSll2', () => {
  it('should read protocol, packet type and sender MAC, then the IPv6 payload', () => {
    const { result, p } = decode(hex(SLL2_IPV6 + IPV6_TCP + TCP_SYN_ACK), LINKTYPE.LINUX_SLL2);
    expect(result).toBe(DECODE.OK);
    expect(p.linkPacketType).toBe(4);
    expect(p.ethSrc).toBe(0x66778899aabb);
    expect(p.l3).toBe(L3.IPV6);
    expect(p.srcPort).toBe(80);
  });

  it('should report a header under 20 bytes as truncated', () => {
    expect(decode(hex(SLL2_IPV6).subarray(0, 19), LINKTYPE.LINUX_SLL2).result).toBe(DECODE.TRUNCATED_SLL2);
  });
});

import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../sources/frame-batch';
import { decodeFrame } from './decode-frame';
import { IPV4_TCP_SYN, IPV6_TCP, TCP_SYN, TCP_SYN_ACK } from './fixtures';
import { hex } from './hex';
import { L3, LAYER, Packet } from './packet';
import { DECODE } from './result';

function decode(bytes: Uint8Array, linktype: number): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeFrame(bytes, 0, bytes.length, linktype, p);
  return { result, p };
}

describe('raw IP link types', () => {
  it('should tell IPv4 from IPv6 by the version nibble for LINKTYPE_RAW', () => {
    expect(decode(hex(IPV4_TCP_SYN + TCP_SYN), LINKTYPE.RAW).p.l3).toBe(L3.IPV4);
    expect(decode(hex(IPV6_TCP + TCP_SYN_ACK), LINKTYPE.RAW).p.l3).toBe(L3.IPV6);
  });

  it('should report a version that is neither 4 nor 6', () => {
    const { result, p } = decode(hex('50' + '00'.repeat(19)), LINKTYPE.RAW); // version 5
    expect(result).toBe(DECODE.BAD_IP_VERSION);
    expect(p.depth).toBe(LAYER.NONE);
  });

  it('should report an empty frame', () => {
    expect(decode(new Uint8Array(0), LINKTYPE.RAW).result).toBe(DECODE.TRUNCATED_RAW_IP);
  });

  it('should decode LINKTYPE_IPV4 and LINKTYPE_IPV6 directly, and catch a version that contradicts them', () => {
    expect(decode(hex(IPV4_TCP_SYN + TCP_SYN), LINKTYPE.IPV4).result).toBe(DECODE.OK);
    expect(decode(hex(IPV6_TCP + TCP_SYN_ACK), LINKTYPE.IPV6).result).toBe(DECODE.OK);
    expect(decode(hex(IPV6_TCP + TCP_SYN_ACK), LINKTYPE.IPV4).result).toBe(DECODE.BAD_IP_VERSION);
    expect(decode(hex(IPV4_TCP_SYN + TCP_SYN), LINKTYPE.IPV6).result).toBe(DECODE.BAD_IP_VERSION);
  });
});

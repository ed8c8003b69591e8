import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../sources/frame-batch';
import { decodeFrame } from './decode-frame';
import { ETHERNET_IPV4, IPV4_TCP_SYN, IPV6_TCP, TCP_SYN, TCP_SYN_ACK, VALID_FRAMES } from './fixtures';
import { hex } from './hex';
import { isSupportedLinktype } from './link';
import { LAYER, Packet } from './packet';
import { DECODE, decodeResultName } from './result';

describe('decodeFrame', () => {
  it.each(VALID_FRAMES.map((frame) => [frame.name, frame] as const))('should decode %s to OK', (_, frame) => {
    const p = new Packet();
    const result = decodeFrame(frame.bytes, 0, frame.bytes.length, frame.linktype, p);
    expect(decodeResultName(result)).toBe('ok');
    expect(p.linktype).toBe(frame.linktype);
    expect(p.caplen).toBe(frame.bytes.length);
    expect(p.depth).toBeGreaterThanOrEqual(LAYER.NETWORK);
  });

  it('should decode a frame in the middle of a batch buffer without reading its neighbours', () => {
    const frame = hex(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN);
    const batch = new Uint8Array(frame.length + 200).fill(0xee);
    batch.set(frame, 100);
    const p = new Packet();
    expect(decodeFrame(batch, 100, frame.length, LINKTYPE.ETHERNET, p)).toBe(DECODE.OK);
    expect(p.srcPort).toBe(50000);
    expect([p.payloadOffset, p.payloadLength]).toEqual([100 + 14 + 20 + 40, 0]);
  });

  it('should report a link type it has no decoder for', () => {
    const p = new Packet();
    expect(decodeFrame(hex('00'), 0, 1, 105, p)).toBe(DECODE.UNSUPPORTED_LINKTYPE); // 802.11
    expect(decodeFrame(hex('00'), 0, 1, 100000, p)).toBe(DECODE.UNSUPPORTED_LINKTYPE);
    expect(isSupportedLinktype(LINKTYPE.LINUX_SLL2)).toBe(true);
    expect(isSupportedLinktype(105)).toBe(false);
  });

  it('should clear the previous packet’s facts', () => {
    const p = new Packet();
    const tcp = hex(IPV6_TCP + TCP_SYN_ACK);
    decodeFrame(tcp, 0, tcp.length, LINKTYPE.IPV6, p);
    expect(p.srcPort).toBe(80);
    const cut = hex(ETHERNET_IPV4 + IPV4_TCP_SYN);
    expect(decodeFrame(cut, 0, cut.length, LINKTYPE.ETHERNET, p)).toBe(DECODE.TRUNCATED_TCP);
    expect(p.srcPort).toBe(0);
    expect([...p.src]).toEqual([0xc0a80001, 0, 0, 0]);
  });

  it('should keep the facts of every layer before a failure (partial decoding)', () => {
    const frame = hex(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN).subarray(0, 14 + 20 + 10);
    const p = new Packet();
    expect(decodeFrame(frame, 0, frame.length, LINKTYPE.ETHERNET, p)).toBe(DECODE.TRUNCATED_TCP);
    expect(p.depth).toBe(LAYER.NETWORK);
    expect(p.ethSrc).toBe(0x66778899aabb);
    expect(p.dst[0]).toBe(0xc0a800c7);
  });

  it('should trust neither a caplen past the buffer nor nonsensical bounds', () => {
    const frame = hex(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN);
    const p = new Packet();
    expect(decodeFrame(frame.subarray(0, 40), 0, 65535, LINKTYPE.ETHERNET, p)).toBe(DECODE.TRUNCATED_TCP);
    expect(decodeFrame(frame, -5, 20, LINKTYPE.ETHERNET, p)).toBe(DECODE.TRUNCATED_ETHERNET);
    expect(decodeFrame(frame, Number.NaN, 20, LINKTYPE.ETHERNET, p)).toBe(DECODE.TRUNCATED_ETHERNET);
    expect(decodeFrame(frame, 0, Number.NaN, LINKTYPE.ETHERNET, p)).toBe(DECODE.TRUNCATED_ETHERNET);
    expect(decodeFrame(frame, frame.length + 10, 20, LINKTYPE.ETHERNET, p)).toBe(DECODE.TRUNCATED_ETHERNET);
  });
});

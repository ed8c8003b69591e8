import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../sources/frame-batch';
import { decodeFrame } from './decode-frame';
import { ETHERNET_ARP, ETHERNET_IPV4, IPV4_TCP_SYN, TCP_SYN } from './fixtures';
import { hex } from './hex';
import { L3, LAYER, Packet } from './packet';
import { DECODE } from './result';

function decodeEthernetFrame(bytes: Uint8Array): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeFrame(bytes, 0, bytes.length, LINKTYPE.ETHERNET, p);
  return { result, p };
}

describe('decodeEthernet', () => {
  it('should read both MAC addresses and hand an IPv4 payload on', () => {
    const { result, p } = decodeEthernetFrame(hex(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN));
    expect(result).toBe(DECODE.OK);
    expect(p.ethDst).toBe(0x001122334455);
    expect(p.ethSrc).toBe(0x66778899aabb);
    expect(p.etherType).toBe(0x0800);
    expect(p.l3).toBe(L3.IPV4);
  });

  it('should report an 802.3 frame, whose type field is a length, as an LLC frame', () => {
    const frame = hex(
      '0180c2000000' + // destination MAC: spanning tree multicast
        '66778899aabb' + // source MAC
        '0026' + // 802.3 length 38
        '424203' + // LLC: DSAP 0x42, SSAP 0x42, control 3 (STP)
        '0000', // first bytes of the BPDU
    );
    const { result, p } = decodeEthernetFrame(frame);
    expect(result).toBe(DECODE.LLC_FRAME);
    expect(p.depth).toBe(LAYER.LINK);
    expect(p.etherType).toBe(38);
  });

  it('should report an EtherType it has no decoder for, naming it', () => {
    const frame = hex(
      '0180c200000e' + // destination MAC: LLDP multicast
        '66778899aabb' + // source MAC
        '88cc' + // EtherType LLDP
        '0207', // first LLDP TLV bytes
    );
    const { result, p } = decodeEthernetFrame(frame);
    expect(result).toBe(DECODE.UNSUPPORTED_ETHERTYPE);
    expect(p.etherType).toBe(0x88cc);
  });

  it('should treat the undefined range 1501..1535 as unsupported, not as a length', () => {
    const { result } = decodeEthernetFrame(hex('001122334455' + '66778899aabb' + '05ff'));
    expect(result).toBe(DECODE.UNSUPPORTED_ETHERTYPE);
  });

  it('should report a frame shorter than its 14-byte header as truncated, with no facts', () => {
    const { result, p } = decodeEthernetFrame(hex(ETHERNET_ARP).subarray(0, 13));
    expect(result).toBe(DECODE.TRUNCATED_ETHERNET);
    expect(p.depth).toBe(LAYER.NONE);
    expect(p.ethSrc).toBe(0);
  });
});

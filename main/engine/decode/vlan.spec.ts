import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../sources/frame-batch';
import { decodeFrame } from './decode-frame';
import { ETHERNET_QINQ_IPV4, IPV4_TCP_SYN, TCP_SYN } from './fixtures';
import { hex } from './hex';
import { L3, Packet } from './packet';
import { DECODE } from './result';
import { MAX_VLAN_TAGS } from './vlan';

const MACS =
  '001122334455' + // destination MAC
  '66778899aabb'; // source MAC

function decodeEthernetFrame(bytes: Uint8Array): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeFrame(bytes, 0, bytes.length, LINKTYPE.ETHERNET, p);
  return { result, p };
}

describe('VLAN tags', () => {
  it('should read one 802.1Q tag and decode what follows it', () => {
    const frame = hex(
      MACS +
        '8100' + // TPID 802.1Q
        'a00a' + // PCP 5, DEI 0, VLAN 10
        '0800' + // EtherType IPv4
        IPV4_TCP_SYN +
        TCP_SYN,
    );
    const { result, p } = decodeEthernetFrame(frame);
    expect(result).toBe(DECODE.OK);
    expect([p.vlanCount, p.vlanOuter, p.vlanInner]).toEqual([1, 10, 0]);
    expect(p.etherType).toBe(0x0800);
    expect(p.srcPort).toBe(50000);
  });

  it('should read QinQ (802.1ad S-tag then 802.1Q C-tag) as outer and inner VLAN', () => {
    const { result, p } = decodeEthernetFrame(hex(ETHERNET_QINQ_IPV4 + IPV4_TCP_SYN + TCP_SYN));
    expect(result).toBe(DECODE.OK);
    expect([p.vlanCount, p.vlanOuter, p.vlanInner]).toEqual([2, 100, 200]);
    expect(p.l3).toBe(L3.IPV4);
  });

  it('should accept the pre-standard 0x9100 QinQ TPID', () => {
    const frame = hex(
      MACS +
        '9100' + // TPID 0x9100 (pre-standard QinQ)
        '0005' + // VLAN 5
        '8100' + // TPID 802.1Q
        '0006' + // VLAN 6
        '0800' + // EtherType IPv4
        IPV4_TCP_SYN +
        TCP_SYN,
    );
    const { result, p } = decodeEthernetFrame(frame);
    expect(result).toBe(DECODE.OK);
    expect([p.vlanOuter, p.vlanInner]).toEqual([5, 6]);
  });

  it('should report a tag cut short by the capture', () => {
    const { result, p } = decodeEthernetFrame(hex(MACS + '8100' + '00')); // TPID, then half a TCI
    expect(result).toBe(DECODE.TRUNCATED_VLAN);
    expect(p.vlanCount).toBe(0);
  });

  it('should stop a frame made of nothing but tags', () => {
    const tags = ('8100' + '0001').repeat(MAX_VLAN_TAGS + 4); // TPID 802.1Q, VLAN 1, over and over
    const { result, p } = decodeEthernetFrame(hex(MACS + tags + '0800'));
    expect(result).toBe(DECODE.TOO_MANY_VLAN_TAGS);
    expect(p.vlanCount).toBe(MAX_VLAN_TAGS);
  });

  it('should report an 802.3 length behind a tag as an LLC frame', () => {
    const { result } = decodeEthernetFrame(hex(MACS + '8100' + '0001' + '0026' + '424203')); // tag, length 38, LLC
    expect(result).toBe(DECODE.LLC_FRAME);
  });
});

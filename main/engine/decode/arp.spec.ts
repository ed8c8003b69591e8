import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../sources/frame-batch';
import { decodeArp } from './arp';
import { decodeFrame } from './decode-frame';
import { ARP_REQUEST, ETHERNET_ARP, ETHERNET_PADDING_18 } from './fixtures';
import { hex } from './hex';
import { L3, LAYER, Packet } from './packet';
import { DECODE } from './result';

describe('decodeArp', () => {
  it('should read operation, sender and target MAC and IPv4 address from a padded Ethernet frame', () => {
    const bytes = hex(ETHERNET_ARP + ARP_REQUEST + ETHERNET_PADDING_18);
    const p = new Packet();
    expect(decodeFrame(bytes, 0, bytes.length, LINKTYPE.ETHERNET, p)).toBe(DECODE.OK);
    expect(p.l3).toBe(L3.ARP);
    expect(p.depth).toBe(LAYER.NETWORK);
    expect(p.arpOperation).toBe(1);
    expect(p.arpSenderMac).toBe(0x66778899aabb);
    expect(p.arpSenderIp).toBe(0xc0a80001);
    expect(p.arpTargetMac).toBe(0);
    expect(p.arpTargetIp).toBe(0xc0a80002);
  });

  it('should read a reply', () => {
    const bytes = hex(
      '0001' + // hardware type Ethernet
        '0800' + // protocol type IPv4
        '06' + // hardware address length
        '04' + // protocol address length
        '0002' + // operation 2: reply
        'aabbccddeeff' + // sender MAC aa:bb:cc:dd:ee:ff
        'c0a80002' + // sender IP 192.168.0.2
        '66778899aabb' + // target MAC
        'c0a80001', // target IP 192.168.0.1
    );
    const p = new Packet();
    decodeArp(bytes, 0, bytes.length, p);
    expect(p.arpOperation).toBe(2);
    expect(p.arpSenderMac).toBe(0xaabbccddeeff);
  });

  it('should not guess at ARP for other hardware or protocol types', () => {
    const bytes = hex(ARP_REQUEST);
    bytes[1] = 6; // hardware type 6: IEEE 802 networks
    const p = new Packet();
    expect(decodeArp(bytes, 0, bytes.length, p)).toBe(DECODE.UNSUPPORTED_ARP_FORMAT);
    expect(p.l3).toBe(L3.NONE);
  });

  it('should report a message cut short as truncated', () => {
    const bytes = hex(ARP_REQUEST).subarray(0, 27);
    const p = new Packet();
    expect(decodeArp(bytes, 0, bytes.length, p)).toBe(DECODE.TRUNCATED_ARP);
    expect(p.arpOperation).toBe(0);
    expect(decodeArp(bytes, 0, 5, p)).toBe(DECODE.TRUNCATED_ARP);
  });
});

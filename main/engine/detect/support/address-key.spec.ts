import { describe, expect, it } from 'vitest';
import { L3, Packet } from '../../decode/packet';
import { testPacket } from '../../flows/test-packets';
import { addressText, dstKey, pairKey, serviceAddressText, serviceKey, srcKey } from './address-key';
import { packetTime } from './packet-time';

describe('address keys', () => {
  it('should key IPv4 as the uint32 number and show it as a dotted quad', () => {
    const packet = testPacket({ t: 1, src: '10.77.0.9', dst: '192.168.1.2' });
    expect(srcKey(packet)).toBe(0x0a4d0009);
    expect(addressText(dstKey(packet))).toBe('192.168.1.2');
    expect(pairKey(srcKey(packet), dstKey(packet))).toBe('172818441>3232235778');
  });

  it('should key IPv6 as its RFC 5952 text', () => {
    const packet = testPacket({ t: 1, src: '2001:db8::1', dst: 'fe80::2' });
    expect(srcKey(packet)).toBe('2001:db8::1');
    expect(addressText(dstKey(packet))).toBe('fe80::2');
  });

  it('should give the right text for many IPv6 addresses in turn, remembered or not', () => {
    const packet = new Packet();
    packet.l3 = L3.IPV6;
    for (let round = 0; round < 3; round++) {
      for (let host = 1; host <= 20; host++) {
        packet.src.set([0xfd770000, 0, 0, host]);
        expect(srcKey(packet)).toBe(`fd77::${host.toString(16)}`);
      }
    }
  });

  it('should read packet time as epoch seconds with nanoseconds', () => {
    expect(packetTime(testPacket({ t: 1700000000.25, src: '10.0.0.1', dst: '10.0.0.2' }))).toBeCloseTo(
      1700000000.25,
      6,
    );
  });
});

describe('service keys', () => {
  it('should pack an IPv4 service into one number and read its address back', () => {
    const key = serviceKey(0x0a4d0002, 443);
    expect(key).toBe(0x0a4d0002 * 65536 + 443);
    expect(serviceAddressText(key)).toBe('10.77.0.2');
  });

  it('should key an IPv6 service as text', () => {
    expect(serviceKey('2001:db8::1', 80)).toBe('2001:db8::1#80');
    expect(serviceAddressText('2001:db8::1#80')).toBe('2001:db8::1');
  });
});

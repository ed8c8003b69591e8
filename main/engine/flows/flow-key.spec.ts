import { describe, expect, it } from 'vitest';
import { IPPROTO, L3, LAYER, Packet } from '../decode/packet';
import { flowKeyHash, isReverseKey, isSameKey, KEY_WORDS, storeKey, writeFlowKey } from './flow-key';
import { testPacket } from './test-packets';

function keyOf(packet: Packet): Uint32Array {
  const key = new Uint32Array(KEY_WORDS);
  expect(writeFlowKey(packet, key)).toBe(true);
  return key;
}

describe('flow key', () => {
  it('should hash a packet and its reply alike, and tell them apart by orientation', () => {
    const request = keyOf(testPacket({ t: 0, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 1234, dstPort: 80 }));
    const reply = keyOf(testPacket({ t: 0, src: '10.0.0.2', dst: '10.0.0.1', srcPort: 80, dstPort: 1234 }));
    expect(flowKeyHash(request)).toBe(flowKeyHash(reply));
    const stored = new Float64Array(KEY_WORDS + 3);
    storeKey(stored, 3, request, false);
    expect(isSameKey(stored, 3, request)).toBe(true);
    expect(isSameKey(stored, 3, reply)).toBe(false);
    expect(isReverseKey(stored, 3, reply)).toBe(true);
    storeKey(stored, 3, reply, true);
    expect(isSameKey(stored, 3, request)).toBe(true);
  });

  it('should hash IPv6 keys symmetrically too', () => {
    const a = keyOf(testPacket({ t: 0, src: '2001:db8::1', dst: 'fe80::2', srcPort: 1, dstPort: 2 }));
    const b = keyOf(testPacket({ t: 0, src: 'fe80::2', dst: '2001:db8::1', srcPort: 2, dstPort: 1 }));
    expect(flowKeyHash(a)).toBe(flowKeyHash(b));
    expect(isReverseKey(Float64Array.from(a), 0, b)).toBe(true);
  });

  it('should ignore IPv4 address words 1–3 whatever the decoder left there', () => {
    const packet = testPacket({ t: 0, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 1, dstPort: 2 });
    const clean = keyOf(packet);
    packet.src[3] = 0xdeadbeef;
    packet.dst[1] = 7;
    expect(keyOf(packet)).toEqual(clean);
  });

  it('should use ports only for TCP and UDP with the transport header decoded', () => {
    const icmp = testPacket({ t: 0, src: '10.0.0.1', dst: '10.0.0.2', protocol: IPPROTO.ICMP });
    icmp.srcPort = 8; // stale values must not count
    expect(keyOf(icmp)[8]).toBe(0);
    const fragment = testPacket({ t: 0, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 53, dstPort: 53 });
    fragment.depth = LAYER.NETWORK;
    expect(keyOf(fragment)[8]).toBe(0);
    const udp = testPacket({ t: 0, src: '10.0.0.1', dst: '10.0.0.2', srcPort: 0xffff, dstPort: 1, protocol: 17 });
    expect(keyOf(udp)[8]).toBe(0xffff0001);
  });

  it('should refuse packets that are not IP', () => {
    const arp = new Packet();
    arp.l3 = L3.ARP;
    arp.depth = LAYER.NETWORK;
    expect(writeFlowKey(arp, new Uint32Array(KEY_WORDS))).toBe(false);
  });

  it('should spread similar keys over the low bits the index uses', () => {
    const buckets = new Set<number>();
    for (let port = 0; port < 4096; port++) {
      const key = keyOf(testPacket({ t: 0, src: '10.0.0.1', dst: '10.0.0.2', srcPort: port, dstPort: 443 }));
      buckets.add(flowKeyHash(key) & 0xfff);
    }
    // 4096 keys into 4096 buckets: a uniform hash fills about 1 − 1/e ≈ 63% of them.
    expect(buckets.size).toBeGreaterThan(2400);
  });
});

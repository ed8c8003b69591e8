/**
 * Group destinations (multicast, broadcast): streams to them (IPTV, mDNS, SSDP) are one-to-many by
 * design, so per-target flood measures skip them.
 */
import { L3 } from '../../decode/packet';
import type { Packet } from '../../decode/packet';

/** True when the packet goes to an IPv4 multicast (224.0.0.0/4) or limited broadcast, or IPv6 multicast (ff00::/8). */
export function isGroupDestination(packet: Packet): boolean {
  const word = packet.dst[0] ?? 0;
  if (packet.l3 === L3.IPV6) return word >>> 24 === 0xff;
  return word >>> 28 === 0xe || word === 0xffffffff;
}

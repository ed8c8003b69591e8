/**
 * Wirewatch's protocol categories and tshark's protocol hierarchy, as the same set of counts.
 * Each Wirewatch packet is in exactly one category; tshark counts a frame under every protocol
 * in it. So tshark's udp is our UDP plus our DNS (DNS being UDP with port 53), and "other" is
 * whatever is none of tcp, udp, icmp, icmpv6 and arp.
 */
import type { ProtocolCount } from '../../preload/api/analysis';
import type { ProtocolHierarchy } from './protocol-hierarchy';

export interface ProtocolCounts {
  readonly frames: number;
  readonly tcp: number;
  readonly udp: number;
  readonly dns: number;
  readonly icmp: number;
  readonly icmpv6: number;
  readonly arp: number;
  readonly other: number;
}

export function wirewatchCounts(packets: number, protocols: readonly ProtocolCount[]): ProtocolCounts {
  const count = (name: ProtocolCount['protocol']): number =>
    protocols.find((item) => item.protocol === name)?.packets ?? 0;
  return {
    frames: packets,
    tcp: count('TCP'),
    udp: count('UDP') + count('DNS'),
    dns: count('DNS'),
    icmp: count('ICMP'),
    icmpv6: count('ICMPv6'),
    arp: count('ARP'),
    other: count('IPv4 other') + count('IPv6 other') + count('Non-IP') + count('Undecodable'),
  };
}

export function tsharkCounts(hierarchy: ProtocolHierarchy): ProtocolCounts {
  const count = (name: string): number => hierarchy.protocols.get(name) ?? 0;
  const known = count('tcp') + count('udp') + count('icmp') + count('icmpv6') + count('arp');
  return {
    frames: hierarchy.frames,
    tcp: count('tcp'),
    udp: count('udp'),
    dns: count('dns'),
    icmp: count('icmp'),
    icmpv6: count('icmpv6'),
    arp: count('arp'),
    other: hierarchy.frames - known,
  };
}

/**
 * Counts packets and bytes by the highest protocol Wirewatch decoded in them. Each packet lands in
 * exactly one category, so the categories add up to the packet total.
 */
import { DECODE, IPPROTO, L3, LAYER, type DecodeResult, type Packet } from '../decode';
import { isMalformed } from '../decode/result';

export const PROTOCOL_CATEGORIES = [
  'TCP',
  'UDP',
  'DNS',
  'ICMP',
  'ICMPv6',
  'ARP',
  'IPv4 other',
  'IPv6 other',
  'Non-IP',
  'Undecodable',
] as const;
export type ProtocolCategory = (typeof PROTOCOL_CATEGORIES)[number];

const TCP = 0;
const UDP = 1;
const DNS = 2;
const ICMP = 3;
const ICMPV6 = 4;
const ARP = 5;
const IPV4_OTHER = 6;
const IPV6_OTHER = 7;
const NON_IP = 8;
const UNDECODABLE = 9;

/** DNS's well-known port (RFC 1035 §4.2.1). */
const DNS_PORT = 53;

export function categorise(packet: Packet, result: DecodeResult): number {
  if (packet.depth >= LAYER.NETWORK && (packet.l3 === L3.IPV4 || packet.l3 === L3.IPV6)) {
    switch (packet.protocol) {
      case IPPROTO.TCP:
        return TCP;
      case IPPROTO.UDP:
        return packet.depth >= LAYER.TRANSPORT && (packet.srcPort === DNS_PORT || packet.dstPort === DNS_PORT)
          ? DNS
          : UDP;
      case IPPROTO.ICMP:
        return ICMP;
      case IPPROTO.ICMPV6:
        return ICMPV6;
      default:
        return packet.l3 === L3.IPV4 ? IPV4_OTHER : IPV6_OTHER;
    }
  }
  if (packet.l3 === L3.ARP && result !== DECODE.TRUNCATED_ARP) return ARP;
  return isMalformed(result) ? UNDECODABLE : NON_IP;
}

export class ProtocolMix {
  readonly #packets = new Float64Array(PROTOCOL_CATEGORIES.length);
  readonly #bytes = new Float64Array(PROTOCOL_CATEGORIES.length);

  add(category: number, bytes: number): void {
    this.#packets[category] = (this.#packets[category] ?? 0) + 1;
    this.#bytes[category] = (this.#bytes[category] ?? 0) + bytes;
  }

  /** Categories with at least one packet, most packets first. */
  snapshot(): { protocol: ProtocolCategory; packets: number; bytes: number }[] {
    return PROTOCOL_CATEGORIES.map((protocol, index) => ({
      protocol,
      packets: this.#packets[index] ?? 0,
      bytes: this.#bytes[index] ?? 0,
    }))
      .filter((item) => item.packets > 0)
      .sort((a, b) => b.packets - a.packets);
  }
}

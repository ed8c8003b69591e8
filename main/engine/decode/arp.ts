/**
 * ARP (RFC 826) for the one combination that matters on LANs: Ethernet hardware (htype 1, hlen 6)
 * and IPv4 protocol addresses (ptype 0x0800, plen 4), 28 bytes in all. Other combinations are
 * reported as UNSUPPORTED_ARP_FORMAT rather than guessed at.
 */
import { readU8, readU16, readU32, readU48 } from './bytes';
import { L3, LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

const ARP_FIXED = 8;
const ARP_ETHERNET_IPV4 = 28;
const HTYPE_ETHERNET = 1;
const PTYPE_IPV4 = 0x0800;

/** Sets operation, sender/target MAC and IPv4 address (l3 ARP, depth NETWORK). */
export function decodeArp(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + ARP_FIXED > end) return DECODE.TRUNCATED_ARP;
  if (
    readU16(data, offset) !== HTYPE_ETHERNET ||
    readU16(data, offset + 2) !== PTYPE_IPV4 ||
    readU8(data, offset + 4) !== 6 ||
    readU8(data, offset + 5) !== 4
  ) {
    return DECODE.UNSUPPORTED_ARP_FORMAT;
  }
  if (offset + ARP_ETHERNET_IPV4 > end) return DECODE.TRUNCATED_ARP;
  out.l3 = L3.ARP;
  out.arpOperation = readU16(data, offset + 6);
  out.arpSenderMac = readU48(data, offset + 8);
  out.arpSenderIp = readU32(data, offset + 14);
  out.arpTargetMac = readU48(data, offset + 18);
  out.arpTargetIp = readU32(data, offset + 24);
  out.depth = LAYER.NETWORK;
  out.payloadOffset = offset + ARP_ETHERNET_IPV4;
  return DECODE.OK;
}

/**
 * Raw IP link types (tcpdump.org/linktypes.html): RAW (101) is IPv4 or IPv6 told apart by the
 * version nibble; IPV4 (228) and IPV6 (229) say which up front. No link header at all.
 */
import { readU8 } from './bytes';
import { ETHERTYPE } from './ethertype';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import { LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

/** LINKTYPE_RAW: dispatches on the IP version nibble. */
export function decodeRawIp(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset >= end) return DECODE.TRUNCATED_RAW_IP;
  const version = readU8(data, offset) >> 4;
  if (version === 4) return decodeRawIpv4(data, offset, end, out);
  if (version === 6) return decodeRawIpv6(data, offset, end, out);
  return DECODE.BAD_IP_VERSION;
}

/** LINKTYPE_IPV4. */
export function decodeRawIpv4(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  out.depth = LAYER.LINK;
  out.etherType = ETHERTYPE.IPV4;
  return decodeIpv4(data, offset, end, out);
}

/** LINKTYPE_IPV6. */
export function decodeRawIpv6(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  out.depth = LAYER.LINK;
  out.etherType = ETHERTYPE.IPV6;
  return decodeIpv6(data, offset, end, out);
}

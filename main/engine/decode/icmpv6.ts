/**
 * ICMPv6 (RFC 4443 §2.1): type, code and checksum, the same 4-byte layout as ICMP for IPv4 but
 * its own numbering (errors 0–127, informational 128–255; neighbour discovery is RFC 4861).
 */
import { readU8 } from './bytes';
import { LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

const ICMPV6_HEADER = 4;

/** Sets type and code (depth TRANSPORT), or returns TRUNCATED_ICMPV6 when the 4-byte header is cut. */
export function decodeIcmpv6(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + ICMPV6_HEADER > end) return DECODE.TRUNCATED_ICMPV6;
  out.icmpType = readU8(data, offset);
  out.icmpCode = readU8(data, offset + 1);
  out.depth = LAYER.TRANSPORT;
  out.payloadOffset = offset + ICMPV6_HEADER;
  out.payloadLength = end - offset - ICMPV6_HEADER;
  return DECODE.OK;
}

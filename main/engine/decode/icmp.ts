/**
 * ICMP for IPv4 (RFC 792): type and code in the first two bytes, then a checksum. The rest depends
 * on the type (echo id/sequence, or the offending packet's header for errors) and is left as payload.
 */
import { readU8 } from './bytes';
import { LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

const ICMP_HEADER = 4;

/** Sets type and code (depth TRANSPORT), or returns TRUNCATED_ICMP when the 4-byte header is cut. */
export function decodeIcmp(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  return decodeIcmpHeader(data, offset, end, out, DECODE.TRUNCATED_ICMP);
}

/** The type/code/checksum header ICMP and ICMPv6 share (RFC 792, RFC 4443 §2.1). */
export function decodeIcmpHeader(
  data: Uint8Array,
  offset: number,
  end: number,
  out: Packet,
  truncated: DecodeResult,
): DecodeResult {
  if (offset + ICMP_HEADER > end) return truncated;
  out.icmpType = readU8(data, offset);
  out.icmpCode = readU8(data, offset + 1);
  out.depth = LAYER.TRANSPORT;
  out.payloadOffset = offset + ICMP_HEADER;
  out.payloadLength = end - offset - ICMP_HEADER;
  return DECODE.OK;
}

/**
 * ICMPv6 (RFC 4443 §2.1): type, code and checksum, the same 4-byte layout as ICMP for IPv4 but
 * its own numbering (errors 0–127, informational 128–255; neighbour discovery is RFC 4861).
 */
import { decodeIcmpHeader } from './icmp';
import type { Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

/** Sets type and code (depth TRANSPORT), or returns TRUNCATED_ICMPV6 when the 4-byte header is cut. */
export function decodeIcmpv6(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  return decodeIcmpHeader(data, offset, end, out, DECODE.TRUNCATED_ICMPV6);
}

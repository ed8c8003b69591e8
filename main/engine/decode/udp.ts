/**
 * UDP header (RFC 768): ports, and a length field covering header and data. Jumbograms over IPv6
 * carry a length of 0 (RFC 2675 §4), the real length being IPv6's.
 */
import { readU16 } from './bytes';
import { L3, LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';
import { declaredSegmentEnd } from './segment-end';

const UDP_HEADER = 8;

/**
 * Decodes the UDP header at `offset`: TRUNCATED_UDP when its 8 bytes are not all there (no UDP
 * facts set); BAD_UDP_LENGTH, with ports kept, when the length field is under 8 or runs past the
 * IP packet (a first fragment's datagram legitimately runs past it). The payload never extends
 * past the captured bytes, nor past the length field.
 */
export function decodeUdp(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + UDP_HEADER > end) return DECODE.TRUNCATED_UDP;
  out.srcPort = readU16(data, offset);
  out.dstPort = readU16(data, offset + 2);
  const length = readU16(data, offset + 4);
  out.depth = LAYER.TRANSPORT;
  out.payloadOffset = offset + UDP_HEADER;
  out.payloadLength = end - offset - UDP_HEADER;
  if (length === 0 && out.l3 === L3.IPV6) return DECODE.OK;
  if (length < UDP_HEADER) return DECODE.BAD_UDP_LENGTH;
  if (offset + length > declaredSegmentEnd(offset, end, out) && !out.moreFragments) return DECODE.BAD_UDP_LENGTH;
  // Bytes past the UDP length but inside the IP packet are not datagram data.
  if (offset + length < end) out.payloadLength = length - UDP_HEADER;
  return DECODE.OK;
}

/**
 * TCP header (RFC 9293 §3.1; ECE/CWR flags from RFC 3168 §6.1). The fixed 20 bytes give ports,
 * sequence numbers, flags and window; the data offset says where options end and payload begins.
 */
import { readU8, readU16, readU32 } from './bytes';
import { LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';
import { declaredSegmentEnd } from './segment-end';
import { decodeTcpOptions } from './tcp-options';

const TCP_MIN_HEADER = 20;

/**
 * Decodes the TCP header at `offset`. TRUNCATED_TCP when the fixed 20 bytes are not all there
 * (no TCP facts set); otherwise ports, flags, sequence numbers and window are set (depth
 * TRANSPORT) and any later problem — a data offset under 5 or past the IP packet, options cut by
 * the capture or malformed — is returned with those facts kept.
 */
export function decodeTcp(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + TCP_MIN_HEADER > end) return DECODE.TRUNCATED_TCP;
  out.srcPort = readU16(data, offset);
  out.dstPort = readU16(data, offset + 2);
  out.tcpSeq = readU32(data, offset + 4);
  out.tcpAck = readU32(data, offset + 8);
  const headerLength = (readU8(data, offset + 12) >> 4) * 4;
  out.tcpFlags = readU8(data, offset + 13);
  out.tcpWindow = readU16(data, offset + 14);
  out.depth = LAYER.TRANSPORT;
  // No payload until the data offset proves sound (the IP decoder set the whole IP payload).
  out.payloadOffset = offset + TCP_MIN_HEADER;
  out.payloadLength = 0;
  if (headerLength < TCP_MIN_HEADER) return DECODE.BAD_TCP_DATA_OFFSET;

  const headerEnd = offset + headerLength;
  if (headerEnd > end) {
    // Past the IP packet's own end the header contradicts IP (a first fragment may be that short).
    if (headerEnd > declaredSegmentEnd(offset, end, out) && !out.moreFragments) return DECODE.BAD_TCP_DATA_OFFSET;
    // Cut by the snap length: read the options that were captured; no payload was.
    out.payloadOffset = end;
    return decodeTcpOptions(data, offset + TCP_MIN_HEADER, headerEnd, end, out);
  }
  out.payloadOffset = headerEnd;
  out.payloadLength = end - headerEnd;
  if (headerLength === TCP_MIN_HEADER) return DECODE.OK;
  return decodeTcpOptions(data, offset + TCP_MIN_HEADER, headerEnd, end, out);
}

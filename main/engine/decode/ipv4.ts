/**
 * IPv4 header (RFC 791 §3.1): version and IHL, total length, identification, DF/MF flags and
 * fragment offset, TTL, protocol, addresses. Options (IHL > 5) are skipped, not parsed.
 */
import { readU8, readU16, readU32 } from './bytes';
import { L3, LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';
import { decodeTransport } from './transport';

const IPV4_MIN_HEADER = 20;
const FLAG_DF = 0x4000;
const FLAG_MF = 0x2000;
const FRAGMENT_OFFSET_MASK = 0x1fff;

/**
 * Decodes the IPv4 header at `offset`, then the transport header it carries.
 *
 * Lengths: a total length under the header length is BAD_IPV4_TOTAL_LENGTH; a total length past
 * the captured bytes is the snap length at work, decoded as far as it goes with `ipTruncated`
 * set; captured bytes past the total length (Ethernet padding) are ignored. A total length of 0
 * is what a capture on a host doing TCP segmentation offload shows (Wireshark: "probably TSO"),
 * so it is read as "the captured length".
 *
 * Fragments: only the first fragment (offset 0) carries the transport header; later fragments
 * stop at the IP layer with OK and no ports.
 */
export function decodeIpv4(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + IPV4_MIN_HEADER > end) return DECODE.TRUNCATED_IPV4;
  const versionIhl = readU8(data, offset);
  if (versionIhl >> 4 !== 4) return DECODE.BAD_IP_VERSION;
  const headerLength = (versionIhl & 0x0f) * 4;
  if (headerLength < IPV4_MIN_HEADER) return DECODE.BAD_IPV4_HEADER_LENGTH;
  const totalLength = readU16(data, offset + 2);
  if (totalLength !== 0 && totalLength < headerLength) return DECODE.BAD_IPV4_TOTAL_LENGTH;
  if (offset + headerLength > end) return DECODE.TRUNCATED_IPV4;

  const flagsFragment = readU16(data, offset + 6);
  const fragmentOffset = (flagsFragment & FRAGMENT_OFFSET_MASK) * 8;
  const protocol = readU8(data, offset + 9);
  out.l3 = L3.IPV4;
  out.ipHeaderLength = headerLength;
  out.ipOptions = headerLength > IPV4_MIN_HEADER;
  out.ipId = readU16(data, offset + 4);
  out.dontFragment = (flagsFragment & FLAG_DF) !== 0;
  out.moreFragments = (flagsFragment & FLAG_MF) !== 0;
  out.fragmentOffset = fragmentOffset;
  out.ttl = readU8(data, offset + 8);
  out.protocol = protocol;
  out.src[0] = readU32(data, offset + 12);
  out.dst[0] = readU32(data, offset + 16);
  out.depth = LAYER.NETWORK;

  let ipEnd = offset + totalLength;
  if (totalLength === 0) {
    ipEnd = end;
  } else if (ipEnd > end) {
    out.ipTruncated = true;
    ipEnd = end;
  }
  out.ipLength = totalLength === 0 ? end - offset : totalLength;
  const payloadOffset = offset + headerLength;
  out.payloadOffset = payloadOffset;
  out.payloadLength = ipEnd - payloadOffset;
  if (fragmentOffset !== 0) return DECODE.OK;
  return decodeTransport(protocol, data, payloadOffset, ipEnd, out);
}

/**
 * IPv6 header (RFC 8200 §3): version, payload length, next header, hop limit and the two 128-bit
 * addresses, then the extension header chain (./ipv6-extensions.ts) and the transport header.
 */
import { readU8, readU16, readU32 } from './bytes';
import { decodeIpv6Extensions } from './ipv6-extensions';
import { L3, LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';
import { decodeTransport } from './transport';

const IPV6_HEADER = 40;

/**
 * Decodes the IPv6 header at `offset`, its extension headers and the transport header.
 *
 * A payload length past the captured bytes is the snap length at work: decoded as far as it
 * goes, with `ipTruncated` set. A payload length of 0 (a jumbogram, RFC 2675, or TSO on the
 * capturing host) is read as "the captured length". A non-first fragment, ESP and "no next
 * header" stop at the IP layer with OK.
 */
export function decodeIpv6(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + IPV6_HEADER > end) return DECODE.TRUNCATED_IPV6;
  if (readU8(data, offset) >> 4 !== 6) return DECODE.BAD_IP_VERSION;
  const payloadLength = readU16(data, offset + 4);
  out.l3 = L3.IPV6;
  out.protocol = readU8(data, offset + 6);
  out.ttl = readU8(data, offset + 7);
  const src = out.src;
  const dst = out.dst;
  src[0] = readU32(data, offset + 8);
  src[1] = readU32(data, offset + 12);
  src[2] = readU32(data, offset + 16);
  src[3] = readU32(data, offset + 20);
  dst[0] = readU32(data, offset + 24);
  dst[1] = readU32(data, offset + 28);
  dst[2] = readU32(data, offset + 32);
  dst[3] = readU32(data, offset + 36);
  out.ipHeaderLength = IPV6_HEADER;
  out.depth = LAYER.NETWORK;

  let ipEnd = offset + IPV6_HEADER + payloadLength;
  if (payloadLength === 0) {
    ipEnd = end;
  } else if (ipEnd > end) {
    out.ipTruncated = true;
    ipEnd = end;
  }
  out.ipLength = payloadLength === 0 ? end - offset : IPV6_HEADER + payloadLength;
  out.payloadOffset = offset + IPV6_HEADER;
  out.payloadLength = ipEnd - offset - IPV6_HEADER;

  const chain = decodeIpv6Extensions(data, offset + IPV6_HEADER, ipEnd, out);
  if (chain !== DECODE.OK) return chain;
  const transportOffset = offset + out.ipHeaderLength;
  out.payloadOffset = transportOffset;
  out.payloadLength = ipEnd - transportOffset;
  if (out.fragmentOffset !== 0) return DECODE.OK;
  return decodeTransport(out.protocol, data, transportOffset, ipEnd, out);
}

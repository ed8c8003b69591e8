/**
 * The IPv6 extension header chain (RFC 8200 §4): hop-by-hop options (0), routing (43), fragment
 * (44), destination options (60), mobility (135, RFC 6275 §6.1), HIP (139), shim6 (140) and the
 * experimental 253/254 share one layout (next header, length in 8-byte units not counting the
 * first 8); AH (51) counts its length in 4-byte units minus 2 (RFC 4302 §2.2); the fragment
 * header is a fixed 8 bytes. ESP (50) and "no next header" (59) end the chain: what follows is
 * encrypted or absent.
 */
import { readU8, readU16, readU32 } from './bytes';
import type { Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AUTHENTICATION = 51;
const DESTINATION_OPTIONS = 60;
const MOBILITY = 135;
const HIP = 139;
const SHIM6 = 140;
const EXPERIMENT_1 = 253;
const EXPERIMENT_2 = 254;

/** A real chain has a handful of headers; a bound keeps a hostile chain of thousands cheap. */
export const MAX_IPV6_EXTENSIONS = 16;

function isExtensionHeader(next: number): boolean {
  switch (next) {
    case HOP_BY_HOP:
    case ROUTING:
    case FRAGMENT:
    case AUTHENTICATION:
    case DESTINATION_OPTIONS:
    case MOBILITY:
    case HIP:
    case SHIM6:
    case EXPERIMENT_1:
    case EXPERIMENT_2:
      return true;
    default:
      return false;
  }
}

/**
 * Walks the chain that starts at `offset` with header type `out.protocol`, leaving in
 * `out.protocol` the first header that is not an extension (the transport protocol, or 50/59) and
 * adding the chain's bytes to `out.ipHeaderLength`. A fragment header sets the fragment facts; a
 * non-first fragment ends the walk, since what follows is the middle of the original payload.
 * Returns TRUNCATED_IPV6_EXTENSION when the capture ends inside the chain,
 * BAD_IPV6_EXTENSION_LENGTH when a header runs past the IPv6 payload length, and
 * TOO_MANY_IPV6_EXTENSIONS past MAX_IPV6_EXTENSIONS headers.
 */
export function decodeIpv6Extensions(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  let next = out.protocol;
  let o = offset;
  for (let count = 0; isExtensionHeader(next); count++) {
    if (count === MAX_IPV6_EXTENSIONS) return DECODE.TOO_MANY_IPV6_EXTENSIONS;
    // Every extension header is at least 8 bytes, which covers the next-header and length bytes.
    if (o + 8 > end) return out.ipTruncated ? DECODE.TRUNCATED_IPV6_EXTENSION : DECODE.BAD_IPV6_EXTENSION_LENGTH;
    const following = readU8(data, o);
    let length: number;
    if (next === FRAGMENT) {
      length = 8;
      const offsetFlags = readU16(data, o + 2);
      // Offset in 8-byte units in the top 13 bits: masking leaves it multiplied by 8 already.
      out.fragmentOffset = offsetFlags & 0xfff8;
      out.moreFragments = (offsetFlags & 1) !== 0;
      out.ipId = readU32(data, o + 4);
    } else if (next === AUTHENTICATION) {
      length = (readU8(data, o + 1) + 2) * 4;
    } else {
      length = (readU8(data, o + 1) + 1) * 8;
    }
    if (o + length > end) return out.ipTruncated ? DECODE.TRUNCATED_IPV6_EXTENSION : DECODE.BAD_IPV6_EXTENSION_LENGTH;
    o += length;
    out.ipHeaderLength += length;
    next = following;
    out.protocol = next;
    if (out.fragmentOffset !== 0) return DECODE.OK;
  }
  return DECODE.OK;
}

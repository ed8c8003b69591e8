/**
 * BSD loopback encapsulations (tcpdump.org/linktypes/LINKTYPE_NULL.html): a 4-byte address family
 * before the IP packet. NULL (0) writes it in the capturing host's byte order, which the file does
 * not record; LOOP (108, OpenBSD) always in network order. AF_INET is 2 everywhere; AF_INET6 is
 * 24 (NetBSD, OpenBSD), 28 (FreeBSD) or 30 (macOS), so all three mean IPv6.
 */
import { readU32, readU32Le } from './bytes';
import { ETHERTYPE } from './ethertype';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import { LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

const LOOPBACK_HEADER = 4;
const AF_INET = 2;

function decodeFamily(family: number, data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  out.depth = LAYER.LINK;
  if (family === AF_INET) {
    out.etherType = ETHERTYPE.IPV4;
    return decodeIpv4(data, offset + LOOPBACK_HEADER, end, out);
  }
  if (family === 24 || family === 28 || family === 30) {
    out.etherType = ETHERTYPE.IPV6;
    return decodeIpv6(data, offset + LOOPBACK_HEADER, end, out);
  }
  return DECODE.UNSUPPORTED_ADDRESS_FAMILY;
}

/**
 * LINKTYPE_NULL. Families are small numbers, so a value with any of its upper 16 bits set was
 * written by a host of the other byte order (the test Wireshark's packet-null.c makes).
 */
export function decodeNull(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + LOOPBACK_HEADER > end) return DECODE.TRUNCATED_LOOPBACK;
  let family = readU32Le(data, offset);
  if ((family & 0xffff0000) !== 0) family = readU32(data, offset);
  return decodeFamily(family, data, offset, end, out);
}

/** LINKTYPE_LOOP: the family in network byte order. */
export function decodeLoop(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + LOOPBACK_HEADER > end) return DECODE.TRUNCATED_LOOPBACK;
  return decodeFamily(readU32(data, offset), data, offset, end, out);
}

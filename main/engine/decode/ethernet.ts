/**
 * Ethernet II framing (IEEE 802.3 §3.1.1; DIX Ethernet II): destination MAC, source MAC, then a
 * 2-byte field that is an EtherType from 0x0600 on and an 802.3 length up to 1500. The frame check
 * sequence is not captured on most interfaces and is never relied on.
 */
import { readU16, readU48 } from './bytes';
import { decodeEtherType } from './ethertype';
import { LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

const ETHERNET_HEADER = 14;

/** Sets the MAC addresses (depth LINK) and decodes the payload its EtherType announces. */
export function decodeEthernet(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + ETHERNET_HEADER > end) return DECODE.TRUNCATED_ETHERNET;
  out.ethDst = readU48(data, offset);
  out.ethSrc = readU48(data, offset + 6);
  out.depth = LAYER.LINK;
  return decodeEtherType(readU16(data, offset + 12), data, offset + ETHERNET_HEADER, end, out);
}

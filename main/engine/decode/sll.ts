/**
 * Linux "cooked" captures, what `tcpdump -i any` writes (tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html
 * and LINKTYPE_LINUX_SLL2.html). SLL (113), 16 bytes: packet type, ARPHRD type, address length,
 * 8 address bytes, protocol. SLL2 (276), 20 bytes: protocol, reserved, interface index, ARPHRD
 * type, packet type, address length, 8 address bytes. The protocol is an EtherType for the
 * families Wirewatch reads.
 */
import { readU8, readU16, readU48 } from './bytes';
import { decodeEtherType } from './ethertype';
import { LAYER, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

const SLL_HEADER = 16;
const SLL2_HEADER = 20;
/** ARPHRD_ETHER (linux/if_arp.h): the link address is a 6-byte MAC. */
const ARPHRD_ETHER = 1;
/** ARPHRD_NETLINK: the protocol field is a netlink family, not an EtherType. */
const ARPHRD_NETLINK = 824;

/** Decodes an SLL header: packet type, the sender's MAC when it has one, then the payload. */
export function decodeSll(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + SLL_HEADER > end) return DECODE.TRUNCATED_SLL;
  const arphrd = readU16(data, offset + 2);
  out.linkPacketType = readU16(data, offset);
  if (arphrd === ARPHRD_ETHER && readU16(data, offset + 4) === 6) out.ethSrc = readU48(data, offset + 6);
  out.depth = LAYER.LINK;
  const protocol = readU16(data, offset + 14);
  if (arphrd === ARPHRD_NETLINK) {
    out.etherType = protocol;
    return DECODE.UNSUPPORTED_ETHERTYPE;
  }
  return decodeEtherType(protocol, data, offset + SLL_HEADER, end, out);
}

/** Decodes an SLL2 header: packet type, the sender's MAC when it has one, then the payload. */
export function decodeSll2(data: Uint8Array, offset: number, end: number, out: Packet): DecodeResult {
  if (offset + SLL2_HEADER > end) return DECODE.TRUNCATED_SLL2;
  const arphrd = readU16(data, offset + 8);
  out.linkPacketType = readU8(data, offset + 10);
  if (arphrd === ARPHRD_ETHER && readU8(data, offset + 11) === 6) out.ethSrc = readU48(data, offset + 12);
  out.depth = LAYER.LINK;
  const protocol = readU16(data, offset);
  if (arphrd === ARPHRD_NETLINK) {
    out.etherType = protocol;
    return DECODE.UNSUPPORTED_ETHERTYPE;
  }
  return decodeEtherType(protocol, data, offset + SLL2_HEADER, end, out);
}

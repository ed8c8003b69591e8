/**
 * Dispatch from link-layer header type (the pcap/pcapng LINKTYPE, tcpdump.org/linktypes.html) to
 * the decoder of that framing.
 */
import { LINKTYPE } from '../sources/frame-batch';
import { decodeEthernet } from './ethernet';
import type { LayerDecoder } from './layer-decoder';
import { decodeLoop, decodeNull } from './loopback';
import { decodeRawIp, decodeRawIpv4, decodeRawIpv6 } from './raw-ip';
import { DECODE, type DecodeResult } from './result';
import { decodeSll, decodeSll2 } from './sll';

function decodeUnsupportedLink(): DecodeResult {
  return DECODE.UNSUPPORTED_LINKTYPE;
}

/** Indexed by link type; every slot holds a function so the array stays packed and lookups cheap. */
const LINK_DECODERS: LayerDecoder[] = new Array<LayerDecoder>(LINKTYPE.LINUX_SLL2 + 1).fill(decodeUnsupportedLink);
LINK_DECODERS[LINKTYPE.NULL] = decodeNull;
LINK_DECODERS[LINKTYPE.ETHERNET] = decodeEthernet;
LINK_DECODERS[LINKTYPE.RAW] = decodeRawIp;
LINK_DECODERS[LINKTYPE.LOOP] = decodeLoop;
LINK_DECODERS[LINKTYPE.LINUX_SLL] = decodeSll;
LINK_DECODERS[LINKTYPE.IPV4] = decodeRawIpv4;
LINK_DECODERS[LINKTYPE.IPV6] = decodeRawIpv6;
LINK_DECODERS[LINKTYPE.LINUX_SLL2] = decodeSll2;

/** The decoder for `linktype`, or one that answers UNSUPPORTED_LINKTYPE. */
export function linkDecoder(linktype: number): LayerDecoder {
  return LINK_DECODERS[linktype] ?? decodeUnsupportedLink;
}

/** True when Wirewatch decodes frames of `linktype`. */
export function isSupportedLinktype(linktype: number): boolean {
  return linkDecoder(linktype) !== decodeUnsupportedLink;
}

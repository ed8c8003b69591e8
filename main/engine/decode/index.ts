/** The packet decoders' public surface, for the pipeline, flows and detectors. */
export { decodeFrame } from './decode-frame';
export { DECODE, DECODE_RESULT_COUNT, DECODE_RESULT_NAMES, decodeResultName, isMalformed } from './result';
export type { DecodeResult } from './result';
export { IPPROTO, L3, LAYER, Packet, TCP_FLAG } from './packet';
export { ETHERTYPE } from './ethertype';
export { isSupportedLinktype } from './link';
export { decodeDns, decodePacketDns, DnsFacts, isDnsPacket } from './dns';
export { ipToString, ipv4ToString, ipv6ToString, macToString } from './address-format';

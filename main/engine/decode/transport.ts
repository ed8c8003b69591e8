/**
 * Dispatch from IP protocol number (IANA protocol-numbers registry) to transport decoder, the
 * node_pcap way: a table, so adding a protocol is one line. Protocols without a decoder are not an
 * error: the IP facts stand and the IP payload is the payload.
 */
import { decodeIcmp } from './icmp';
import { decodeIcmpv6 } from './icmpv6';
import type { LayerDecoder } from './layer-decoder';
import { IPPROTO, type Packet } from './packet';
import { DECODE, type DecodeResult } from './result';
import { decodeTcp } from './tcp';
import { decodeUdp } from './udp';

function noTransportDecoder(): DecodeResult {
  return DECODE.OK;
}

/** Indexed by protocol number (0–255); filled so every slot holds a function (a packed array). */
const TRANSPORT_DECODERS: LayerDecoder[] = new Array<LayerDecoder>(256).fill(noTransportDecoder);
TRANSPORT_DECODERS[IPPROTO.ICMP] = decodeIcmp;
TRANSPORT_DECODERS[IPPROTO.TCP] = decodeTcp;
TRANSPORT_DECODERS[IPPROTO.UDP] = decodeUdp;
TRANSPORT_DECODERS[IPPROTO.ICMPV6] = decodeIcmpv6;

/**
 * Decodes the transport header of `protocol` at `offset`. The caller has set the payload to the
 * whole IP payload, which a transport decoder narrows to its own.
 */
export function decodeTransport(
  protocol: number,
  data: Uint8Array,
  offset: number,
  end: number,
  out: Packet,
): DecodeResult {
  const decoder = TRANSPORT_DECODERS[protocol & 0xff] ?? noTransportDecoder;
  return decoder(data, offset, end, out);
}

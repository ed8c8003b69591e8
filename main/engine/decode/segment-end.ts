import { L3, LAYER, type Packet } from './packet';

/**
 * Where the enclosing IP header says the transport segment starting at `offset` ends. Transport
 * decoders get `end` already clamped to the captured bytes; this tells them whether a length that
 * runs past `end` contradicts the IP header (malformed) or was merely cut by the snap length.
 * Called on its own, without an IP layer decoded, a decoder has only the captured end to go by.
 */
export function declaredSegmentEnd(offset: number, end: number, out: Packet): number {
  if (out.depth < LAYER.NETWORK || (out.l3 !== L3.IPV4 && out.l3 !== L3.IPV6)) return end;
  return offset - out.ipHeaderLength + out.ipLength;
}

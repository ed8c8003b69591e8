import type { Packet } from './packet';
import type { DecodeResult } from './result';

/**
 * One protocol layer's decoder: reads the header at `offset`, never at or past `end` (the end of
 * the bytes this layer may use: the captured bytes, further bounded by the enclosing header's
 * length field), writes its facts into `out` and hands the rest to the next layer. One shape for
 * every layer so dispatch tables can hold them.
 */
export type LayerDecoder = (data: Uint8Array, offset: number, end: number, out: Packet) => DecodeResult;

/**
 * The decoder's front door: one captured frame in, its facts in a reused Packet out, and a
 * DecodeResult saying how it went (see ./result.ts for the partial-decode rule). Nothing here
 * throws on bad bytes and nothing allocates.
 */
import { linkDecoder } from './link';
import type { Packet } from './packet';
import type { DecodeResult } from './result';

/**
 * Decodes the frame at data[offset .. offset + caplen) of link type `linktype` into `out`, which
 * is reset first. Never reads outside those bytes nor outside `data`, whatever the frame's own
 * length fields claim. Sets `out.linktype` and `out.caplen`; the caller sets timestamps and wirelen.
 */
export function decodeFrame(
  data: Uint8Array,
  offset: number,
  caplen: number,
  linktype: number,
  out: Packet,
): DecodeResult {
  out.reset();
  out.linktype = linktype;
  out.caplen = caplen;
  let start = offset;
  let end = offset + caplen;
  if (end > data.length) end = data.length;
  // Written so NaN fails too: a frame with nonsensical bounds has no bytes to decode.
  if (!(start >= 0 && end >= start)) {
    start = 0;
    end = 0;
  }
  return linkDecoder(linktype)(data, start, end, out);
}

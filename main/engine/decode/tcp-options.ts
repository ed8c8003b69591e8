/**
 * TCP options (RFC 9293 §3.1 and §3.2): EOL (0), NOP (1), MSS (2, RFC 9293 §3.7.1), window scale
 * (3, RFC 7323 §2), SACK permitted (4) and SACK (5) (RFC 2018), timestamps (8, RFC 7323 §3).
 * Every other option is skipped by its length byte.
 */
import { readU8, readU16, readU32 } from './bytes';
import type { Packet } from './packet';
import { DECODE, type DecodeResult } from './result';

const OPT_EOL = 0;
const OPT_NOP = 1;
const OPT_MSS = 2;
const OPT_WINDOW_SCALE = 3;
const OPT_SACK_PERMITTED = 4;
const OPT_SACK = 5;
const OPT_TIMESTAMPS = 8;

/**
 * Reads the options between `offset` and `headerEnd` (the data offset's end of header), never past
 * `end` (the captured bytes). Returns OK; BAD_TCP_OPTIONS when an option's length is under 2, runs
 * past the header, or does not fit its kind (parsing stops at the first two, skips the third);
 * TRUNCATED_TCP_OPTIONS when the capture ends inside the options. Options read before a problem
 * stay in `out`.
 */
export function decodeTcpOptions(
  data: Uint8Array,
  offset: number,
  headerEnd: number,
  end: number,
  out: Packet,
): DecodeResult {
  const limit = headerEnd < end ? headerEnd : end;
  let result: DecodeResult = DECODE.OK;
  let o = offset;
  while (o < limit) {
    const kind = readU8(data, o);
    // After EOL the rest of the header is padding (RFC 9293 §3.1): nothing more to read or miss.
    if (kind === OPT_EOL) return result;
    if (kind === OPT_NOP) {
      o += 1;
      continue;
    }
    if (o + 1 >= limit) return limit === headerEnd ? DECODE.BAD_TCP_OPTIONS : DECODE.TRUNCATED_TCP_OPTIONS;
    const length = readU8(data, o + 1);
    // A length under 2 would never advance; one past the header would read payload as options.
    if (length < 2 || o + length > headerEnd) return DECODE.BAD_TCP_OPTIONS;
    if (o + length > end) return result === DECODE.OK ? DECODE.TRUNCATED_TCP_OPTIONS : result;
    if (!readOption(data, o, kind, length, out)) result = DECODE.BAD_TCP_OPTIONS;
    o += length;
  }
  if (result === DECODE.OK && limit < headerEnd) return DECODE.TRUNCATED_TCP_OPTIONS;
  return result;
}

/** Records one option whose bytes are all present; false when its length does not fit its kind. */
function readOption(data: Uint8Array, o: number, kind: number, length: number, out: Packet): boolean {
  switch (kind) {
    case OPT_MSS:
      if (length !== 4) return false;
      out.tcpMss = readU16(data, o + 2);
      return true;
    case OPT_WINDOW_SCALE:
      if (length !== 3) return false;
      // Recorded as sent; RFC 7323 §2.3 has receivers treat values above 14 as 14.
      out.tcpWindowScale = readU8(data, o + 2);
      return true;
    case OPT_SACK_PERMITTED:
      if (length !== 2) return false;
      out.tcpSackPermitted = true;
      return true;
    case OPT_SACK:
      // 2 bytes of kind and length, then 1 to 4 blocks of two 32-bit edges (RFC 2018 §3).
      if (length < 10 || (length - 2) % 8 !== 0) return false;
      out.tcpSackBlocks = (length - 2) / 8;
      return true;
    case OPT_TIMESTAMPS:
      if (length !== 10) return false;
      out.tcpTimestamp = true;
      out.tcpTsVal = readU32(data, o + 2);
      out.tcpTsEcr = readU32(data, o + 6);
      return true;
    default:
      return true;
  }
}

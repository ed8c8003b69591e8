/**
 * Reads an Interface Description Block (draft-ietf-opsawg-pcapng §4.2): the link type and snap
 * length every packet block on this interface inherits, and the timestamp resolution and offset
 * (options if_tsresol = 9 and if_tsoffset = 14, in the option format of §3.5).
 */
import { DEFAULT_TSRESOL, TimestampClock } from './pcapng-clock';

export interface PcapngInterface {
  readonly linktype: number;
  /** Maximum bytes captured per packet; 0 means no limit (§4.2). */
  readonly snaplen: number;
  readonly clock: TimestampClock;
}

/** Type, length, LinkType + Reserved, SnapLen, trailing length. */
export const MIN_IDB_LENGTH = 20;

const OPT_ENDOFOPT = 0;
const OPT_IF_TSRESOL = 9;
const OPT_IF_TSOFFSET = 14;

/**
 * Reads the IDB of `length` bytes at `view[at…]` (length already checked ≥ MIN_IDB_LENGTH).
 * Options are metadata: one that overruns the block ends option parsing instead of the whole
 * read, keeping the defaults for anything not yet seen.
 */
export function readInterface(view: DataView, at: number, length: number, little: boolean): PcapngInterface {
  const linktype = view.getUint16(at + 8, little);
  const snaplen = view.getUint32(at + 12, little);
  let tsresol = DEFAULT_TSRESOL;
  let tsoffset = 0;
  const end = at + length - 4;
  let pos = at + 16;
  while (end - pos >= 4) {
    const code = view.getUint16(pos, little);
    const valueLength = view.getUint16(pos + 2, little);
    if (code === OPT_ENDOFOPT) break;
    const value = pos + 4;
    // Option values are padded to 32 bits (§3.5); each step moves at least 4 bytes on.
    const next = value + ((valueLength + 3) & ~3);
    if (next > end) break;
    if (code === OPT_IF_TSRESOL && valueLength >= 1) tsresol = view.getUint8(value);
    if (code === OPT_IF_TSOFFSET && valueLength >= 8) {
      const high = little ? view.getInt32(value + 4, true) : view.getInt32(value, false);
      const low = little ? view.getUint32(value, true) : view.getUint32(value + 4, false);
      tsoffset = high * 4_294_967_296 + low;
    }
    pos = next;
  }
  return { linktype, snaplen, clock: new TimestampClock(tsresol, tsoffset) };
}

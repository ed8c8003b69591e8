/**
 * VLAN tags: IEEE 802.1Q C-tags (TPID 0x8100), 802.1ad S-tags (0x88a8) and the pre-standard QinQ
 * TPID 0x9100 still found on older switches. A tag is 4 bytes: TPID, then a TCI whose low 12
 * bits are the VLAN id, and the tag is followed by the next EtherType or TPID.
 */
import { readU16 } from './bytes';
import type { Packet } from './packet';

const TPID_8021Q = 0x8100;
const TPID_8021AD = 0x88a8;
const TPID_QINQ = 0x9100;

export const VLAN_TAG_LENGTH = 4;
/** QinQ uses two tags; a bound keeps a frame made of nothing but tags from looping long. */
export const MAX_VLAN_TAGS = 8;

/** True when `etherType` announces a VLAN tag rather than a payload. */
export function isVlanTpid(etherType: number): boolean {
  return etherType === TPID_8021Q || etherType === TPID_8021AD || etherType === TPID_QINQ;
}

/**
 * Records the tag whose TCI is at `offset` (the caller has checked its 4 bytes are there) and
 * returns the EtherType that follows it. The first tag is the outer VLAN; each later one
 * overwrites the inner, so the inner is the innermost.
 */
export function readVlanTag(data: Uint8Array, offset: number, out: Packet): number {
  const vlanId = readU16(data, offset) & 0x0fff;
  if (out.vlanCount === 0) out.vlanOuter = vlanId;
  else out.vlanInner = vlanId;
  out.vlanCount += 1;
  return readU16(data, offset + 2);
}

/** Ethernet II header (IEEE 802.3 §3.2), with an 802.1Q tag (IEEE 802.1Q §9.6) when a VLAN is set. */
import { put16 } from './wire';

export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_IPV6 = 0x86dd;
export const ETHERTYPE_ARP = 0x0806;
const TPID_8021Q = 0x8100;
/** Priority for voice (IEEE 802.1Q Annex I: PCP 5, "voice, < 10 ms latency"). */
const VOICE_PCP = 5;

/** Frames shorter than this are padded on the wire: 64 bytes minimum minus the 4-byte FCS captures omit. */
export const MIN_FRAME = 60;

export function linkHeaderLength(vlan: number): number {
  return vlan === 0 ? 14 : 18;
}

/** Writes the header at `at`; returns the offset of the payload. */
export function writeLinkHeader(
  bytes: Uint8Array,
  at: number,
  dst: Uint8Array,
  src: Uint8Array,
  etherType: number,
  vlan: number,
): number {
  bytes.set(dst, at);
  bytes.set(src, at + 6);
  if (vlan === 0) {
    put16(bytes, at + 12, etherType);
    return at + 14;
  }
  put16(bytes, at + 12, TPID_8021Q);
  put16(bytes, at + 14, (VOICE_PCP << 13) | vlan);
  put16(bytes, at + 16, etherType);
  return at + 18;
}

/**
 * Dispatch from EtherType (IEEE 802 numbers, iana.org/assignments/ieee-802-numbers) to the
 * network-layer decoder, after any VLAN tags. Shared by Ethernet and Linux cooked captures, which
 * both name their payload with an EtherType.
 */
import { decodeArp } from './arp';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import type { LayerDecoder } from './layer-decoder';
import type { Packet } from './packet';
import { DECODE, type DecodeResult } from './result';
import { isVlanTpid, MAX_VLAN_TAGS, readVlanTag, VLAN_TAG_LENGTH } from './vlan';

export const ETHERTYPE = { IPV4: 0x0800, ARP: 0x0806, IPV6: 0x86dd } as const;

/** IEEE 802.3 §3.2.6: values up to 1500 are a length (LLC follows); from 0x0600 on, a type. */
const MAX_8023_LENGTH = 1500;
const MIN_ETHERTYPE = 0x0600;

const ETHERTYPE_DECODERS = new Map<number, LayerDecoder>([
  [ETHERTYPE.IPV4, decodeIpv4],
  [ETHERTYPE.ARP, decodeArp],
  [ETHERTYPE.IPV6, decodeIpv6],
]);

/**
 * Decodes what `etherType` announces at `offset`: walks VLAN tags (setting the VLAN facts), then
 * hands the payload to its decoder. LLC_FRAME for an 802.3 length, UNSUPPORTED_ETHERTYPE for a
 * type without a decoder (`out.etherType` still says which).
 */
export function decodeEtherType(
  etherType: number,
  data: Uint8Array,
  offset: number,
  end: number,
  out: Packet,
): DecodeResult {
  let type = etherType;
  let o = offset;
  while (isVlanTpid(type)) {
    if (out.vlanCount === MAX_VLAN_TAGS) return DECODE.TOO_MANY_VLAN_TAGS;
    if (o + VLAN_TAG_LENGTH > end) return DECODE.TRUNCATED_VLAN;
    type = readVlanTag(data, o, out);
    o += VLAN_TAG_LENGTH;
  }
  out.etherType = type;
  if (type <= MAX_8023_LENGTH) return DECODE.LLC_FRAME;
  const decoder = type < MIN_ETHERTYPE ? undefined : ETHERTYPE_DECODERS.get(type);
  if (decoder === undefined) return DECODE.UNSUPPORTED_ETHERTYPE;
  return decoder(data, o, end, out);
}

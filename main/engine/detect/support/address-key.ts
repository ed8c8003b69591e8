/**
 * Address keys for per-host tables. IPv4 addresses (nearly all traffic) key as their unsigned
 * 32-bit number, so a lookup allocates nothing; IPv6 keys as its RFC 5952 text, made only for IPv6
 * packets, which doubles as the text shown in alerts.
 */
import { ipv4ToString, ipv6ToString } from '../../decode/address-format';
import { L3 } from '../../decode/packet';
import type { Packet } from '../../decode/packet';

/** An IPv4 address as a uint32, or an IPv6 address as its text. */
export type AddressKey = number | string;

/** Key of the packet's source address (call only when `packet.depth >= LAYER.NETWORK`). */
export function srcKey(packet: Packet): AddressKey {
  return packet.l3 === L3.IPV6 ? ipv6ToString(packet.src) : (packet.src[0] ?? 0);
}

/** Key of the packet's destination address (call only when `packet.depth >= LAYER.NETWORK`). */
export function dstKey(packet: Packet): AddressKey {
  return packet.l3 === L3.IPV6 ? ipv6ToString(packet.dst) : (packet.dst[0] ?? 0);
}

/** The address as people read it: dotted quad for IPv4, the key itself for IPv6. */
export function addressText(key: AddressKey): string {
  return typeof key === 'number' ? ipv4ToString(key) : key;
}

/**
 * Key of a source→target pair. Two uint32s do not fit a float64 exactly, so the pair is text;
 * rules build it only for packets they count (probes, SYNs), never for every packet.
 */
export function pairKey(src: AddressKey, dst: AddressKey): string {
  return `${src}>${dst}`;
}

/**
 * Key of a service (address and port). IPv4 packs into one number (48 bits, exact in a float64),
 * so floods keyed per service allocate nothing; IPv6 is text.
 */
export function serviceKey(address: AddressKey, port: number): AddressKey {
  return typeof address === 'number' ? address * 65536 + port : `${address}#${port}`;
}

/** The address part of a service key, as text. */
export function serviceAddressText(key: AddressKey): string {
  if (typeof key === 'number') return ipv4ToString(Math.floor(key / 65536));
  const hash = key.lastIndexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

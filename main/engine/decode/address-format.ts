/**
 * Addresses as text, made only when something is shown or stored (alerts, logs): decoding keeps
 * them as numbers. IPv6 follows RFC 5952 §4 (lowercase, no leading zeros, the longest run of two
 * or more zero groups — the first of equals — as "::") and §5 (IPv4-mapped addresses end in
 * dotted quad).
 */
import { L3 } from './packet';

/** "192.168.0.1" from the address as an unsigned 32-bit number. */
export function ipv4ToString(address: number): string {
  return `${(address >>> 24) & 0xff}.${(address >>> 16) & 0xff}.${(address >>> 8) & 0xff}.${address & 0xff}`;
}

/**
 * RFC 5952 text of the IPv6 address held in four 32-bit words (network order, as Packet.src).
 * `mappedAsIpv4` (default true) writes ::ffff:0:0/96 addresses as "::ffff:192.0.2.1".
 */
export function ipv6ToString(words: ArrayLike<number>, mappedAsIpv4 = true): string {
  const w0 = words[0] ?? 0;
  const w1 = words[1] ?? 0;
  const w2 = words[2] ?? 0;
  const w3 = words[3] ?? 0;
  if (mappedAsIpv4 && w0 === 0 && w1 === 0 && w2 >>> 0 === 0x0000ffff) return `::ffff:${ipv4ToString(w3)}`;
  const groups = [w0 >>> 16, w0 & 0xffff, w1 >>> 16, w1 & 0xffff, w2 >>> 16, w2 & 0xffff, w3 >>> 16, w3 & 0xffff];

  let bestStart = -1;
  let bestLength = 1; // a single zero group is not compressed (RFC 5952 §4.2.2)
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }

  if (bestStart < 0) return groups.map(hexGroup).join(':');
  const head = groups.slice(0, bestStart).map(hexGroup).join(':');
  const tail = groups
    .slice(bestStart + bestLength)
    .map(hexGroup)
    .join(':');
  return `${head}::${tail}`;
}

function hexGroup(group: number): string {
  return group.toString(16);
}

/** Either family, as Packet.l3 says: IPv4 from word 0, IPv6 from all four; '' for anything else. */
export function ipToString(l3: number, words: ArrayLike<number>): string {
  if (l3 === L3.IPV4) return ipv4ToString(words[0] ?? 0);
  if (l3 === L3.IPV6) return ipv6ToString(words);
  return '';
}

/** "00:1b:21:0a:bc:de" from a MAC address as a 48-bit number. */
export function macToString(mac: number): string {
  const high = Math.floor(mac / 0x1_0000_0000) & 0xffff;
  const low = mac >>> 0;
  return [high >>> 8, high & 0xff, low >>> 24, (low >>> 16) & 0xff, (low >>> 8) & 0xff, low & 0xff]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join(':');
}

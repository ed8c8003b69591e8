/**
 * The Internet checksum (RFC 1071): the ones'-complement of the ones'-complement sum of 16-bit
 * big-endian words. IPv4 headers, ICMP, and (with a pseudo-header) TCP, UDP and ICMPv6 use it.
 */

/** Adds bytes[from, to) to a running (unfolded) sum; an odd last byte is padded with zero (§1). */
export function sumWords(bytes: Uint8Array, from: number, to: number, sum = 0): number {
  let i = from;
  // Unfolded sums stay exact: 2^53 / 0xffff words is far beyond any frame.
  for (; i + 1 < to; i += 2) sum += ((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0);
  if (i < to) sum += (bytes[i] ?? 0) << 8;
  return sum;
}

/** Folds a running sum to 16 bits and complements it: the value stored in the header. */
export function finishChecksum(sum: number): number {
  let folded = sum;
  while (folded > 0xffff) folded = (folded % 0x10000) + Math.floor(folded / 0x10000);
  return ~folded & 0xffff;
}

/**
 * IP addresses and CIDR blocks as fixed-width hex keys, so a block is a range of keys: IndexedDB
 * answers "source in 10.77.0.0/16" with one index range instead of a scan, and main matches
 * suppressions the same way. IPv4 maps into IPv6 as ::ffff:a.b.c.d (RFC 4291 §2.5.5.2), so one
 * key space holds both families and 10.0.0.0/8 equals ::ffff:10.0.0.0/104.
 */

/** 32 lowercase hex digits: the 128-bit address. */
export type AddressKey = string;

export interface AddressRange {
  /** The text as given, normalised ("10.77.0.0/16", "2001:db8::/32", "10.77.0.5"). */
  readonly text: string;
  readonly low: AddressKey;
  readonly high: AddressKey;
}

const V4_MAPPED = 0xffffn << 32n;
const ALL_ONES = (1n << 128n) - 1n;

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const byte = Number(part);
    if (byte > 255) return undefined;
    value = (value << 8n) | BigInt(byte);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const lower = text.toLowerCase();
  if (!/^[0-9a-f:.]+$/.test(lower) || lower.split('::').length > 2) return undefined;
  // An embedded IPv4 tail (::ffff:10.0.0.1) stands for the last two groups.
  let tail: bigint | undefined;
  let body = lower;
  const lastColon = lower.lastIndexOf(':');
  if (lower.includes('.', lastColon)) {
    tail = parseIpv4(lower.slice(lastColon + 1));
    if (tail === undefined) return undefined;
    body = `${lower.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = body.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - headGroups.length - restGroups.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...headGroups, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...restGroups];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  return tail === undefined ? value : (value & ~0xffffffffn) | tail;
}

function keyOf(value: bigint): AddressKey {
  return value.toString(16).padStart(32, '0');
}

/** The key of an IPv4 or IPv6 address in text, or undefined when it is not one. */
export function addressKey(text: string): AddressKey | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return keyOf(V4_MAPPED | v4);
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : keyOf(v6);
}

/**
 * Reads "10.77.0.5", "10.77.0.0/16", "2001:db8::/32" or "::1"; undefined when it is neither an
 * address nor a block (a prefix past the family's width, stray text).
 */
export function parseAddressRange(input: string): AddressRange | undefined {
  const text = input.trim();
  const [address = '', prefixText, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  const v4 = parseIpv4(address);
  const value = v4 === undefined ? parseIpv6(address) : V4_MAPPED | v4;
  if (value === undefined) return undefined;
  const width = v4 === undefined ? 128 : 32;
  let prefix = width;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > width) return undefined;
  }
  const hostBits = BigInt(width - prefix);
  const hostMask = (1n << hostBits) - 1n;
  const low = value & (ALL_ONES ^ hostMask);
  return {
    text: prefixText === undefined ? address : `${address}/${prefix}`,
    low: keyOf(low),
    high: keyOf(low | hostMask),
  };
}

/** True when the address text lies in the range. */
export function rangeContains(range: AddressRange, address: string | null): boolean {
  if (address === null) return false;
  const key = addressKey(address);
  return key !== undefined && key >= range.low && key <= range.high;
}

/**
 * What decoding a frame came to, as a small number so the pipeline can count outcomes in a
 * Uint32Array indexed by code (DECODE_RESULT_NAMES gives the name to show).
 *
 * The rule for partial decodes: a decoder returns the FIRST problem it meets and stops there;
 * every fact of the layers before it stays in the Packet. Packet.depth says how far the facts go
 * (see LAYER), so "truncated-tcp" still leaves valid IP addresses, and "bad-tcp-options" still
 * leaves valid ports and flags.
 *
 * Codes below FIRST_MALFORMED are frames Wirewatch does not analyse but which are well-formed
 * (802.3/LLC frames, other EtherTypes, link types it has no decoder for); codes from
 * FIRST_MALFORMED on are frames whose bytes are cut short or contradict themselves.
 */
export const DECODE = {
  OK: 0,
  // ---- not analysed, not malformed ----
  UNSUPPORTED_LINKTYPE: 1,
  /** IEEE 802.3 frame: the EtherType field is a length (≤ 1500), so LLC follows, not IP. */
  LLC_FRAME: 2,
  UNSUPPORTED_ETHERTYPE: 3,
  /** Loopback (NULL/LOOP) address family other than IPv4 or IPv6. */
  UNSUPPORTED_ADDRESS_FAMILY: 4,
  /** ARP for something other than Ethernet/IPv4. */
  UNSUPPORTED_ARP_FORMAT: 5,
  // ---- malformed or cut short ----
  TRUNCATED_ETHERNET: 6,
  TRUNCATED_VLAN: 7,
  TOO_MANY_VLAN_TAGS: 8,
  TRUNCATED_SLL: 9,
  TRUNCATED_SLL2: 10,
  TRUNCATED_LOOPBACK: 11,
  TRUNCATED_RAW_IP: 12,
  BAD_IP_VERSION: 13,
  TRUNCATED_IPV4: 14,
  BAD_IPV4_HEADER_LENGTH: 15,
  BAD_IPV4_TOTAL_LENGTH: 16,
  TRUNCATED_IPV6: 17,
  TRUNCATED_IPV6_EXTENSION: 18,
  BAD_IPV6_EXTENSION_LENGTH: 19,
  TOO_MANY_IPV6_EXTENSIONS: 20,
  TRUNCATED_TCP: 21,
  BAD_TCP_DATA_OFFSET: 22,
  TRUNCATED_TCP_OPTIONS: 23,
  BAD_TCP_OPTIONS: 24,
  TRUNCATED_UDP: 25,
  BAD_UDP_LENGTH: 26,
  TRUNCATED_ICMP: 27,
  TRUNCATED_ICMPV6: 28,
  TRUNCATED_ARP: 29,
} as const;

export type DecodeResult = (typeof DECODE)[keyof typeof DECODE];

/** Codes from here on mean the bytes were cut short or inconsistent. */
export const FIRST_MALFORMED = DECODE.TRUNCATED_ETHERNET;

/** Names by code, for logs, metrics and the UI. */
export const DECODE_RESULT_NAMES: readonly string[] = [
  'ok',
  'unsupported-linktype',
  'llc-frame',
  'unsupported-ethertype',
  'unsupported-address-family',
  'unsupported-arp-format',
  'truncated-ethernet',
  'truncated-vlan',
  'too-many-vlan-tags',
  'truncated-sll',
  'truncated-sll2',
  'truncated-loopback',
  'truncated-raw-ip',
  'bad-ip-version',
  'truncated-ipv4',
  'bad-ipv4-header-length',
  'bad-ipv4-total-length',
  'truncated-ipv6',
  'truncated-ipv6-extension',
  'bad-ipv6-extension-length',
  'too-many-ipv6-extensions',
  'truncated-tcp',
  'bad-tcp-data-offset',
  'truncated-tcp-options',
  'bad-tcp-options',
  'truncated-udp',
  'bad-udp-length',
  'truncated-icmp',
  'truncated-icmpv6',
  'truncated-arp',
];

/** How many codes there are: the size of a per-code counter array. */
export const DECODE_RESULT_COUNT = DECODE_RESULT_NAMES.length;

/** The name of a code ('ok', 'truncated-tcp', …). */
export function decodeResultName(result: DecodeResult): string {
  return DECODE_RESULT_NAMES[result] ?? 'unknown';
}

/** True when the frame's bytes were cut short or contradicted themselves (not merely unsupported). */
export function isMalformed(result: DecodeResult): boolean {
  return result >= FIRST_MALFORMED;
}

/**
 * The facts a decoded packet yields, as numbers. One Packet object is reused for every packet
 * (decoders overwrite it), so decoding allocates nothing in the hot path; whoever keeps a fact
 * copies it out. Strings (addresses as text, DNS names) are made only where asked for.
 */

/** Network-layer protocols. */
export const L3 = { NONE: 0, IPV4: 4, IPV6: 6, ARP: 1 } as const;
/** IANA protocol numbers for the transport layer (iana.org/assignments/protocol-numbers). */
export const IPPROTO = { ICMP: 1, TCP: 6, UDP: 17, ICMPV6: 58 } as const;

/** TCP flag bits as in the header's flags byte (RFC 9293 §3.1, RFC 3168 for ECE/CWR). */
export const TCP_FLAG = {
  FIN: 0x01,
  SYN: 0x02,
  RST: 0x04,
  PSH: 0x08,
  ACK: 0x10,
  URG: 0x20,
  ECE: 0x40,
  CWR: 0x80,
} as const;

/**
 * How deep decoding got (Packet.depth). A layer's facts are set only once its fixed header was
 * captured whole, so `depth >= LAYER.NETWORK` means addresses and protocol are valid and
 * `depth >= LAYER.TRANSPORT` means ports (or ICMP type/code) are, whatever the decode result.
 */
export const LAYER = { NONE: 0, LINK: 2, NETWORK: 3, TRANSPORT: 4 } as const;

export class Packet {
  // ---- frame ----
  linktype = 0;
  caplen = 0;
  wirelen = 0;
  seconds = 0;
  nanos = 0;
  /** Deepest layer whose facts are set (see LAYER). */
  depth = 0;

  // ---- link layer ----
  /** Ethernet destination and source MAC as 48-bit numbers (SLL: source only); 0 when absent. */
  ethDst = 0;
  ethSrc = 0;
  /** Linux cooked capture packet type (0 to us, 1 broadcast, 2 multicast, 3 to another host, 4 sent by us); -1 when absent. */
  linkPacketType = -1;
  /** How many 802.1Q/802.1ad tags preceded the payload. */
  vlanCount = 0;
  /** Outermost and innermost VLAN ids (0 when absent); QinQ sets both. */
  vlanOuter = 0;
  vlanInner = 0;
  /**
   * EtherType of the payload after any VLAN tags (0x0800 IPv4, 0x86dd IPv6, 0x0806 ARP). Loopback
   * and raw-IP link types set the EtherType their address family or version implies.
   */
  etherType = 0;

  // ---- network layer ----
  l3: number = L3.NONE;
  /**
   * Addresses: IPv4 in word 0 (as an unsigned 32-bit number, network order read big-endian),
   * IPv6 in words 0..3. Fixed arrays, reused.
   */
  readonly src = new Uint32Array(4);
  readonly dst = new Uint32Array(4);
  ttl = 0;
  /**
   * IPv4 total length / IPv6 payload length + 40: the IP packet's length as the header says. When
   * the header says 0 (TSO on the capturing host, or an IPv6 jumbogram) it is the captured length.
   */
  ipLength = 0;
  /** Bytes from the IP header's start to the transport header: IHL * 4, or 40 + IPv6 extension headers. */
  ipHeaderLength = 0;
  /** The capture cut the IP packet short (snap length): fewer bytes captured than ipLength says. */
  ipTruncated = false;
  /** IPv4 identification, or the IPv6 fragment header's identification (0 when absent). */
  ipId = 0;
  /** Transport protocol number after IPv6 extension headers, or IPv4's protocol field. */
  protocol = 0;
  /** IPv4 DF/MF flags and fragment offset in bytes; IPv6 fragment header likewise. */
  dontFragment = false;
  moreFragments = false;
  fragmentOffset = 0;
  /** IPv4 header options present (IHL > 5). */
  ipOptions = false;

  // ---- transport layer ----
  srcPort = 0;
  dstPort = 0;
  /** TCP flags byte (see TCP_FLAG). */
  tcpFlags = 0;
  tcpWindow = 0;
  tcpSeq = 0;
  tcpAck = 0;
  /** TCP options: MSS (0 = absent), window scale (-1 = absent), SACK permitted, timestamps present. */
  tcpMss = 0;
  tcpWindowScale = -1;
  tcpSackPermitted = false;
  /** SACK blocks in a SACK option (RFC 2018), 0 when absent. */
  tcpSackBlocks = 0;
  tcpTimestamp = false;
  /** Timestamp option values (RFC 7323 §3), 0 when absent. */
  tcpTsVal = 0;
  tcpTsEcr = 0;
  /** ICMP / ICMPv6 type and code. */
  icmpType = -1;
  icmpCode = -1;
  /** Offset of the transport payload in the frame's bytes, and its length within caplen. */
  payloadOffset = 0;
  payloadLength = 0;

  // ---- ARP (RFC 826) ----
  arpOperation = 0;
  /** Sender and target MAC as 48-bit numbers (fit in a float64 exactly). */
  arpSenderMac = 0;
  arpTargetMac = 0;
  arpSenderIp = 0;
  arpTargetIp = 0;

  /** Clears every fact so nothing from the previous packet leaks into this one. */
  reset(): void {
    this.depth = 0;
    this.ethDst = 0;
    this.ethSrc = 0;
    this.linkPacketType = -1;
    this.vlanCount = 0;
    this.vlanOuter = 0;
    this.vlanInner = 0;
    this.etherType = 0;
    this.l3 = L3.NONE;
    // Element stores rather than fill(): this runs once per packet and four stores are cheaper than a call.
    const src = this.src;
    const dst = this.dst;
    src[0] = src[1] = src[2] = src[3] = 0;
    dst[0] = dst[1] = dst[2] = dst[3] = 0;
    this.ttl = 0;
    this.ipLength = 0;
    this.ipHeaderLength = 0;
    this.ipTruncated = false;
    this.ipId = 0;
    this.protocol = 0;
    this.dontFragment = false;
    this.moreFragments = false;
    this.fragmentOffset = 0;
    this.ipOptions = false;
    this.srcPort = 0;
    this.dstPort = 0;
    this.tcpFlags = 0;
    this.tcpWindow = 0;
    this.tcpSeq = 0;
    this.tcpAck = 0;
    this.tcpMss = 0;
    this.tcpWindowScale = -1;
    this.tcpSackPermitted = false;
    this.tcpSackBlocks = 0;
    this.tcpTimestamp = false;
    this.tcpTsVal = 0;
    this.tcpTsEcr = 0;
    this.icmpType = -1;
    this.icmpCode = -1;
    this.payloadOffset = 0;
    this.payloadLength = 0;
    this.arpOperation = 0;
    this.arpSenderMac = 0;
    this.arpTargetMac = 0;
    this.arpSenderIp = 0;
    this.arpTargetIp = 0;
  }
}

/**
 * Valid packets, layer by layer, as commented hex, for specs, the conformance suite and the
 * throughput measurement. Compose them: `hex(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN)`. Lengths in
 * each header match the layers these fixtures are meant to be stacked with. Checksums are zero:
 * the decoders do not verify them (a capture on the sending host has them unfilled anyway).
 */
import { LINKTYPE } from '../sources/frame-batch';
import { hex } from './hex';

// ---------------------------------------------------------------- link layers

export const ETHERNET_IPV4 =
  '001122334455' + // destination MAC 00:11:22:33:44:55
  '66778899aabb' + // source MAC 66:77:88:99:aa:bb
  '0800'; // EtherType IPv4

export const ETHERNET_IPV6 =
  '333300000001' + // destination MAC 33:33:00:00:00:01 (IPv6 multicast)
  '66778899aabb' + // source MAC 66:77:88:99:aa:bb
  '86dd'; // EtherType IPv6

export const ETHERNET_ARP =
  'ffffffffffff' + // destination MAC broadcast
  '66778899aabb' + // source MAC 66:77:88:99:aa:bb
  '0806'; // EtherType ARP

/** Ethernet with an 802.1ad S-tag (VLAN 100) and an 802.1Q C-tag (VLAN 200): QinQ. */
export const ETHERNET_QINQ_IPV4 =
  '001122334455' + // destination MAC
  '66778899aabb' + // source MAC
  '88a8' + // TPID 802.1ad (S-tag)
  '0064' + // PCP 0, DEI 0, VLAN 100
  '8100' + // TPID 802.1Q (C-tag)
  '20c8' + // PCP 1, DEI 0, VLAN 200
  '0800'; // EtherType IPv4

export const SLL_IPV4 =
  '0000' + // packet type 0: addressed to this host
  '0001' + // ARPHRD_ETHER
  '0006' + // link address length 6
  '66778899aabb0000' + // link address 66:77:88:99:aa:bb, padded to 8 bytes
  '0800'; // protocol IPv4

export const SLL2_IPV6 =
  '86dd' + // protocol IPv6
  '0000' + // reserved
  '00000002' + // interface index 2
  '0001' + // ARPHRD_ETHER
  '04' + // packet type 4: sent by this host
  '06' + // link address length 6
  '66778899aabb0000'; // link address, padded to 8 bytes

/** LINKTYPE_NULL as a little-endian host writes AF_INET. */
export const NULL_LE_IPV4 = '02000000'; // address family 2 (AF_INET), host (little-endian) order
/** LINKTYPE_NULL as a big-endian host writes macOS's AF_INET6. */
export const NULL_BE_IPV6 = '0000001e'; // address family 30 (AF_INET6 on macOS), big-endian
/** LINKTYPE_LOOP, always network order. */
export const LOOP_IPV6 = '00000018'; // address family 24 (AF_INET6 on OpenBSD)

// ---------------------------------------------------------------- IPv4

/** IPv4 header for a 40-byte TCP segment (TCP_SYN). */
export const IPV4_TCP_SYN =
  '45' + // version 4, IHL 5 (20 bytes)
  '00' + // DSCP 0, ECN 0
  '003c' + // total length 60
  '1c46' + // identification 0x1c46
  '4000' + // flags DF, fragment offset 0
  '40' + // TTL 64
  '06' + // protocol TCP
  '0000' + // header checksum (not checked)
  'c0a80001' + // source 192.168.0.1
  'c0a800c7'; // destination 192.168.0.199

/** IPv4 header for a 37-byte UDP datagram (UDP_DNS_QUERY). */
export const IPV4_UDP_DNS =
  '45' + // version 4, IHL 5
  '00' + // DSCP 0, ECN 0
  '0039' + // total length 57
  '0001' + // identification 1
  '0000' + // no flags, fragment offset 0
  '80' + // TTL 128
  '11' + // protocol UDP
  '0000' + // header checksum
  '0a000005' + // source 10.0.0.5
  '08080808'; // destination 8.8.8.8

/** IPv4 header for an 8-byte ICMP echo request (ICMP_ECHO_REQUEST). */
export const IPV4_ICMP =
  '45' + // version 4, IHL 5
  '00' + // DSCP 0, ECN 0
  '001c' + // total length 28
  'abcd' + // identification
  '0000' + // no flags, fragment offset 0
  '40' + // TTL 64
  '01' + // protocol ICMP
  '0000' + // header checksum
  'c0a80001' + // source 192.168.0.1
  'c0a80002'; // destination 192.168.0.2

// ---------------------------------------------------------------- IPv6

/** IPv6 header for a 20-byte TCP segment (TCP_SYN_ACK). */
export const IPV6_TCP =
  '60000000' + // version 6, traffic class 0, flow label 0
  '0014' + // payload length 20
  '06' + // next header TCP
  '40' + // hop limit 64
  '20010db8000000000000000000000001' + // source 2001:db8::1
  '20010db8000000000000000000000002'; // destination 2001:db8::2

/** IPv6 header, hop-by-hop, destination options and an atomic fragment header, then UDP_DNS_QUERY. */
export const IPV6_EXTENSIONS_UDP =
  '60000000' + // version 6, traffic class 0, flow label 0
  '003d' + // payload length 61 (8 + 8 + 8 + 37)
  '00' + // next header hop-by-hop options
  '40' + // hop limit 64
  'fe800000000000000000000000000001' + // source fe80::1
  'ff020000000000000000000000000001' + // destination ff02::1
  '3c' + // hop-by-hop: next header destination options (60)
  '00' + // hop-by-hop: length 0 (8 bytes)
  '010400000000' + // PadN option, 4 bytes of padding
  '2c' + // destination options: next header fragment (44)
  '00' + // destination options: length 0 (8 bytes)
  '010400000000' + // PadN option
  '11' + // fragment: next header UDP (17)
  '00' + // fragment: reserved
  '0000' + // fragment offset 0, M 0 (an atomic fragment, RFC 6946)
  '0000abcd'; // fragment identification 0xabcd

/** IPv6 header for an 8-byte ICMPv6 echo request (ICMPV6_ECHO_REQUEST). */
export const IPV6_ICMPV6 =
  '60000000' + // version 6, traffic class 0, flow label 0
  '0008' + // payload length 8
  '3a' + // next header ICMPv6 (58)
  'ff' + // hop limit 255
  '00000000000000000000000000000001' + // source ::1
  '00000000000000000000000000000001'; // destination ::1

// ---------------------------------------------------------------- transport and above

/** A Linux-style SYN: MSS, SACK permitted, timestamps, NOP, window scale (40-byte header). */
export const TCP_SYN =
  'c350' + // source port 50000
  '0050' + // destination port 80
  '00000064' + // sequence number 100
  '00000000' + // acknowledgment number 0
  'a0' + // data offset 10 (40 bytes)
  '02' + // flags SYN
  'faf0' + // window 64240
  '0000' + // checksum
  '0000' + // urgent pointer
  '020405b4' + // option MSS 1460
  '0402' + // option SACK permitted
  '080a0000a1b200000000' + // option timestamps: value 41394, echo reply 0
  '01' + // option NOP
  '030307'; // option window scale 7

/** A SYN-ACK without options (20-byte header). */
export const TCP_SYN_ACK =
  '0050' + // source port 80
  'c350' + // destination port 50000
  '000003e8' + // sequence number 1000
  '00000065' + // acknowledgment number 101
  '50' + // data offset 5 (20 bytes)
  '12' + // flags SYN, ACK
  'ffff' + // window 65535
  '0000' + // checksum
  '0000'; // urgent pointer

/** A 29-byte DNS query for example.com, type A. */
export const DNS_QUERY =
  '1234' + // id 0x1234
  '0100' + // flags: query, opcode 0, recursion desired
  '0001' + // 1 question
  '0000' + // 0 answers
  '0000' + // 0 authority records
  '0000' + // 0 additional records
  '076578616d706c65' + // label "example"
  '03636f6d' + // label "com"
  '00' + // root
  '0001' + // QTYPE A
  '0001'; // QCLASS IN

/** UDP header carrying DNS_QUERY. */
export const UDP_DNS_QUERY =
  'd431' + // source port 54321
  '0035' + // destination port 53
  '0025' + // length 37 (8 + 29)
  '0000' + // checksum (none)
  DNS_QUERY;

export const ICMP_ECHO_REQUEST =
  '08' + // type 8: echo request
  '00' + // code 0
  '0000' + // checksum
  '0001' + // identifier 1
  '0001'; // sequence number 1

export const ICMPV6_ECHO_REQUEST =
  '80' + // type 128: echo request
  '00' + // code 0
  '0000' + // checksum
  '0001' + // identifier 1
  '0001'; // sequence number 1

/** ARP who-has 192.168.0.2 tell 192.168.0.1 (RFC 826). */
export const ARP_REQUEST =
  '0001' + // hardware type Ethernet
  '0800' + // protocol type IPv4
  '06' + // hardware address length 6
  '04' + // protocol address length 4
  '0001' + // operation 1: request
  '66778899aabb' + // sender MAC
  'c0a80001' + // sender IP 192.168.0.1
  '000000000000' + // target MAC (unknown)
  'c0a80002'; // target IP 192.168.0.2

/** Ethernet pads frames to 60 bytes; an ARP frame (14 + 28) gets 18 bytes of it. */
export const ETHERNET_PADDING_18 = '00'.repeat(18);

// ---------------------------------------------------------------- whole frames

export interface FrameFixture {
  name: string;
  linktype: number;
  bytes: Uint8Array;
}

/** One valid frame per link type and protocol path, all decoding to OK. */
export const VALID_FRAMES: readonly FrameFixture[] = [
  { name: 'ethernet ipv4 tcp syn', linktype: LINKTYPE.ETHERNET, bytes: hex(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN) },
  {
    name: 'ethernet ipv4 udp dns',
    linktype: LINKTYPE.ETHERNET,
    bytes: hex(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY),
  },
  {
    name: 'ethernet ipv4 icmp',
    linktype: LINKTYPE.ETHERNET,
    bytes: hex(ETHERNET_IPV4 + IPV4_ICMP + ICMP_ECHO_REQUEST),
  },
  { name: 'ethernet ipv6 tcp', linktype: LINKTYPE.ETHERNET, bytes: hex(ETHERNET_IPV6 + IPV6_TCP + TCP_SYN_ACK) },
  {
    name: 'ethernet ipv6 extensions udp',
    linktype: LINKTYPE.ETHERNET,
    bytes: hex(ETHERNET_IPV6 + IPV6_EXTENSIONS_UDP + UDP_DNS_QUERY),
  },
  {
    name: 'ethernet ipv6 icmpv6',
    linktype: LINKTYPE.ETHERNET,
    bytes: hex(ETHERNET_IPV6 + IPV6_ICMPV6 + ICMPV6_ECHO_REQUEST),
  },
  { name: 'ethernet arp', linktype: LINKTYPE.ETHERNET, bytes: hex(ETHERNET_ARP + ARP_REQUEST + ETHERNET_PADDING_18) },
  {
    name: 'ethernet qinq ipv4 tcp',
    linktype: LINKTYPE.ETHERNET,
    bytes: hex(ETHERNET_QINQ_IPV4 + IPV4_TCP_SYN + TCP_SYN),
  },
  { name: 'sll ipv4 udp', linktype: LINKTYPE.LINUX_SLL, bytes: hex(SLL_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY) },
  { name: 'sll2 ipv6 tcp', linktype: LINKTYPE.LINUX_SLL2, bytes: hex(SLL2_IPV6 + IPV6_TCP + TCP_SYN_ACK) },
  { name: 'null le ipv4 icmp', linktype: LINKTYPE.NULL, bytes: hex(NULL_LE_IPV4 + IPV4_ICMP + ICMP_ECHO_REQUEST) },
  {
    name: 'null be ipv6 icmpv6',
    linktype: LINKTYPE.NULL,
    bytes: hex(NULL_BE_IPV6 + IPV6_ICMPV6 + ICMPV6_ECHO_REQUEST),
  },
  { name: 'loop ipv6 tcp', linktype: LINKTYPE.LOOP, bytes: hex(LOOP_IPV6 + IPV6_TCP + TCP_SYN_ACK) },
  { name: 'raw ipv4 tcp', linktype: LINKTYPE.RAW, bytes: hex(IPV4_TCP_SYN + TCP_SYN) },
  { name: 'raw ipv6 udp', linktype: LINKTYPE.RAW, bytes: hex(IPV6_EXTENSIONS_UDP + UDP_DNS_QUERY) },
  { name: 'ipv4 udp', linktype: LINKTYPE.IPV4, bytes: hex(IPV4_UDP_DNS + UDP_DNS_QUERY) },
  { name: 'ipv6 tcp', linktype: LINKTYPE.IPV6, bytes: hex(IPV6_TCP + TCP_SYN_ACK) },
];

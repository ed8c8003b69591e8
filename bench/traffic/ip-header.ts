/** IPv4 (RFC 791 §3.1) and IPv6 (RFC 8200 §3) headers, without options or extension headers. */
import { finishChecksum, sumWords } from './checksum';
import { put16 } from './wire';

export const IPV4_HEADER = 20;
export const IPV6_HEADER = 40;

export const PROTOCOL = { ICMP: 1, TCP: 6, UDP: 17, ICMPV6: 58 } as const;

export interface IpHeaderFields {
  readonly src: Uint8Array;
  readonly dst: Uint8Array;
  readonly protocol: number;
  /** Bytes after the IP header. */
  readonly payloadLength: number;
  readonly ttl: number;
  /** DSCP and ECN byte (IPv4 TOS, IPv6 traffic class). */
  readonly tos: number;
  /** IPv4 identification; unused for IPv6. */
  readonly id: number;
}

export function writeIpv4Header(bytes: Uint8Array, at: number, fields: IpHeaderFields): number {
  bytes[at] = 0x45; // version 4, IHL 5
  bytes[at + 1] = fields.tos;
  put16(bytes, at + 2, IPV4_HEADER + fields.payloadLength);
  put16(bytes, at + 4, fields.id);
  bytes[at + 6] = 0x40; // DF: hosts do path MTU discovery (RFC 1191), so nothing here fragments
  bytes[at + 8] = fields.ttl;
  bytes[at + 9] = fields.protocol;
  bytes.set(fields.src, at + 12);
  bytes.set(fields.dst, at + 16);
  put16(bytes, at + 10, finishChecksum(sumWords(bytes, at, at + IPV4_HEADER)));
  return at + IPV4_HEADER;
}

export function writeIpv6Header(bytes: Uint8Array, at: number, fields: IpHeaderFields): number {
  bytes[at] = 0x60 | (fields.tos >>> 4); // version 6, traffic class high nibble
  bytes[at + 1] = (fields.tos & 0x0f) << 4; // traffic class low nibble, flow label 0
  put16(bytes, at + 4, fields.payloadLength);
  bytes[at + 6] = fields.protocol;
  bytes[at + 7] = fields.ttl;
  bytes.set(fields.src, at + 8);
  bytes.set(fields.dst, at + 24);
  return at + IPV6_HEADER;
}

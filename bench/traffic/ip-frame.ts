/**
 * Builds an IP frame in place in two steps: `beginIpFrame` writes the link and IP headers and
 * returns where the transport layer goes; the session writes its header and payload there; then
 * `sealTransport` fills in the transport checksum over the pseudo-header.
 */
import { finishChecksum, sumWords } from './checksum';
import type { FrameOut } from './frame-out';
import { IPV4_HEADER, IPV6_HEADER, PROTOCOL, writeIpv4Header, writeIpv6Header } from './ip-header';
import { ETHERTYPE_IPV4, ETHERTYPE_IPV6, linkHeaderLength, MIN_FRAME, writeLinkHeader } from './link-header';
import type { Family, Route } from './route';

/** Starts a frame for `transportLength` bytes of `protocol`; returns the transport layer's offset in out.bytes. */
export function beginIpFrame(
  out: FrameOut,
  timeNs: number,
  route: Route,
  outbound: boolean,
  protocol: number,
  transportLength: number,
): number {
  const vlan = route.local.vlan;
  const ipHeader = route.family === 4 ? IPV4_HEADER : IPV6_HEADER;
  const length = linkHeaderLength(vlan) + ipHeader + transportLength;
  const at = out.begin(timeNs, Math.max(MIN_FRAME, length));
  const bytes = out.bytes;
  const localMac = route.local.mac;
  const routerMac = route.router.mac;
  const ipAt = writeLinkHeader(
    bytes,
    at,
    outbound ? routerMac : localMac,
    outbound ? localMac : routerMac,
    route.family === 4 ? ETHERTYPE_IPV4 : ETHERTYPE_IPV6,
    vlan,
  );
  const fields = {
    src: route.source(outbound),
    dst: route.destination(outbound),
    protocol,
    payloadLength: transportLength,
    ttl: route.ttl(outbound),
    tos: route.tos,
    id: route.family === 4 ? route.nextId(outbound) : 0,
  };
  return route.family === 4 ? writeIpv4Header(bytes, ipAt, fields) : writeIpv6Header(bytes, ipAt, fields);
}

/** Where each transport keeps its checksum (RFC 9293 §3.1, RFC 768, RFC 792, RFC 4443 §2.1). */
const CHECKSUM_OFFSET: Readonly<Record<number, number>> = {
  [PROTOCOL.TCP]: 16,
  [PROTOCOL.UDP]: 6,
  [PROTOCOL.ICMP]: 2,
  [PROTOCOL.ICMPV6]: 2,
};

/** Computes and stores the checksum of the transport layer at `at` (written after beginIpFrame). */
export function sealTransport(bytes: Uint8Array, at: number, family: Family, protocol: number, length: number): void {
  const offset = CHECKSUM_OFFSET[protocol];
  if (offset === undefined) throw new Error(`no checksum rule for protocol ${protocol}`);
  let sum = 0;
  if (protocol !== PROTOCOL.ICMP) {
    // Pseudo-header (RFC 9293 §3.1, RFC 8200 §8.1): addresses, protocol, transport length.
    const ipAt = at - (family === 4 ? IPV4_HEADER : IPV6_HEADER);
    sum = family === 4 ? sumWords(bytes, ipAt + 12, ipAt + 20) : sumWords(bytes, ipAt + 8, ipAt + 40);
    sum += protocol + (length % 0x10000) + Math.floor(length / 0x10000);
  }
  let checksum = finishChecksum(sumWords(bytes, at, at + length, sum));
  // UDP sends a computed 0 as 0xffff: 0 means "no checksum" (RFC 768), which IPv6 forbids (RFC 8200 §8.1).
  if (checksum === 0 && protocol === PROTOCOL.UDP) checksum = 0xffff;
  bytes[at + offset] = checksum >>> 8;
  bytes[at + offset + 1] = checksum & 0xff;
}

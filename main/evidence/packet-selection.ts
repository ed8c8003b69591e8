/**
 * Which packets lie behind an alert: its parties (source and target, or a flood's victim and any
 * source, or a tunnel's clients), its port and protocol, and its time window. Made from the alert
 * alone (the fields every detector fills), so it works for any origin: a file re-read or a live
 * capture's packet ring. Times are whole microseconds so the window means exactly the same here
 * and in the Wireshark display filter written beside it.
 */
import type { Alert } from '../../preload/api/alerts';
import { IPPROTO, L3, LAYER, type Packet } from '../engine/decode';
import { ipv4ToString, ipv6ToString } from '../engine/decode/address-format';

export type SelectionProtocol = 'tcp' | 'udp' | 'icmp' | 'arp';

export interface PacketSelection {
  /** Inclusive bounds in microseconds since the epoch. */
  readonly fromMicros: number;
  readonly toMicros: number;
  readonly protocol: SelectionProtocol | null;
  /** One side's addresses; null: any address. */
  readonly sideA: readonly string[] | null;
  /** The other side's addresses; null: any address. A packet matches in either direction. */
  readonly sideB: readonly string[] | null;
  /** A port either side uses; null: any. */
  readonly port: number | null;
}

const PROTOCOL_OF_KIND: Partial<Record<Alert['kind'], SelectionProtocol>> = {
  syn_flood: 'tcp',
  tcp_flag_flood: 'tcp',
  brute_force: 'tcp',
  slow_dos: 'tcp',
  udp_flood: 'udp',
  icmp_flood: 'icmp',
  arp_spoof: 'arp',
};

/**
 * Seconds kept after an alert's last packet, for the answers to it (a scan's last RST, a flood's
 * last replies): a round trip on a LAN or across a continent is well under one second.
 */
export const ANSWER_SECONDS = 1;

/** DNS (RFC 1035 §4.2): a tunnel's queries and answers. */
const DNS_PORT = 53;

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function numberField(evidence: Alert['evidence'], name: string): number | undefined {
  const value = evidence[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The selection for an alert. Flow-based rules (brute force) stamp an alert with the times their
 * flows ended, so the window opens `maxSessionSeconds` earlier to take in those flows' first packets;
 * it closes ANSWER_SECONDS after the last packet.
 */
export function selectionForAlert(
  alert: Pick<Alert, 'kind' | 'src' | 'dst' | 'first_seen' | 'last_seen' | 'evidence'>,
): PacketSelection {
  const { evidence } = alert;
  const lead = Math.max(0, numberField(evidence, 'maxSessionSeconds') ?? 0);
  const protocol = PROTOCOL_OF_KIND[alert.kind] ?? null;
  const evidencePort = numberField(evidence, 'port');
  const port =
    alert.kind === 'dns_tunnel'
      ? DNS_PORT
      : evidencePort !== undefined && Number.isInteger(evidencePort) && evidencePort > 0
        ? evidencePort
        : null;
  let sideA: string[] | null = alert.src === null ? null : [alert.src];
  let sideB: string[] | null = alert.dst === null ? null : [alert.dst];
  if (alert.kind === 'arp_spoof') {
    // ARP has no direction worth keeping: every ARP packet naming one of the addresses.
    const ip = typeof evidence.ip === 'string' ? [evidence.ip] : [];
    const named = [...new Set([...(sideA ?? []), ...(sideB ?? []), ...ip])];
    sideA = named.length === 0 ? null : named;
    sideB = null;
  } else if (sideA === null && sideB === null) {
    const clients = strings(evidence.clients);
    if (clients.length > 0) sideA = clients;
  }
  return {
    fromMicros: Math.floor((alert.first_seen - lead) * 1e6) - 1,
    toMicros: Math.ceil((alert.last_seen + ANSWER_SECONDS) * 1e6),
    protocol,
    sideA,
    sideB,
    port,
  };
}

/** Tests decoded packets against a selection without making strings for most of them. */
export class SelectionMatcher {
  readonly #v4A: Set<number> | null;
  readonly #v4B: Set<number> | null;
  readonly #textA: Set<string> | null;
  readonly #textB: Set<string> | null;

  constructor(readonly selection: PacketSelection) {
    this.#textA = selection.sideA === null ? null : new Set(selection.sideA);
    this.#textB = selection.sideB === null ? null : new Set(selection.sideB);
    this.#v4A = selection.sideA === null ? null : ipv4Set(selection.sideA);
    this.#v4B = selection.sideB === null ? null : ipv4Set(selection.sideB);
  }

  /** True when the packet (decoded, with its time set) belongs to the selection. */
  matches(packet: Packet): boolean {
    const { selection } = this;
    const micros = packet.seconds * 1e6 + Math.floor(packet.nanos / 1000);
    if (micros < selection.fromMicros || micros > selection.toMicros) return false;
    if (selection.protocol === 'arp') return this.#matchesArp(packet);
    if (packet.depth < LAYER.NETWORK || (packet.l3 !== L3.IPV4 && packet.l3 !== L3.IPV6)) return false;
    if (!protocolMatches(selection.protocol, packet.protocol)) return false;
    if (selection.port !== null) {
      if (packet.depth < LAYER.TRANSPORT) return false;
      if (packet.protocol !== IPPROTO.TCP && packet.protocol !== IPPROTO.UDP) return false;
      if (packet.srcPort !== selection.port && packet.dstPort !== selection.port) return false;
    }
    const forward =
      this.#inSide(packet, 'src', this.#v4A, this.#textA) && this.#inSide(packet, 'dst', this.#v4B, this.#textB);
    if (forward) return true;
    return this.#inSide(packet, 'src', this.#v4B, this.#textB) && this.#inSide(packet, 'dst', this.#v4A, this.#textA);
  }

  #inSide(packet: Packet, which: 'src' | 'dst', v4: Set<number> | null, text: Set<string> | null): boolean {
    if (text === null) return true;
    const words = packet[which];
    if (packet.l3 === L3.IPV4) return v4?.has(words[0] ?? 0) ?? false;
    return text.has(ipv6ToString(words));
  }

  #matchesArp(packet: Packet): boolean {
    if (packet.l3 !== L3.ARP) return false;
    const named = this.#v4A;
    return named === null || named.has(packet.arpSenderIp) || named.has(packet.arpTargetIp);
  }
}

function protocolMatches(protocol: SelectionProtocol | null, number: number): boolean {
  switch (protocol) {
    case null:
      return true;
    case 'tcp':
      return number === IPPROTO.TCP;
    case 'udp':
      return number === IPPROTO.UDP;
    case 'icmp':
      return number === IPPROTO.ICMP || number === IPPROTO.ICMPV6;
    case 'arp':
      return false;
  }
}

function ipv4Set(addresses: readonly string[]): Set<number> {
  const set = new Set<number>();
  for (const address of addresses) {
    const parts = address.split('.');
    if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) continue;
    set.add(parts.reduce((value, part) => value * 256 + Number(part), 0));
  }
  return set;
}

function microsText(micros: number): string {
  const seconds = Math.floor(micros / 1e6);
  return `${seconds}.${String(micros - seconds * 1e6).padStart(6, '0')}`;
}

function sideFilter(field: 'src' | 'dst', side: readonly string[] | null): string | null {
  if (side === null) return null;
  const terms = side.map((address) => `${address.includes(':') ? 'ipv6' : 'ip'}.${field} == ${address}`);
  return terms.length === 1 ? (terms[0] ?? null) : `(${terms.join(' || ')})`;
}

/** The selection as a Wireshark / tshark display filter that picks the same packets. */
export function displayFilter(selection: PacketSelection): string {
  const terms = [
    `frame.time_epoch >= ${microsText(selection.fromMicros)}`,
    `frame.time_epoch < ${microsText(selection.toMicros + 1)}`,
  ];
  if (selection.protocol === 'arp') {
    terms.push('arp');
    if (selection.sideA !== null) {
      terms.push(
        `(${selection.sideA.map((ip) => `arp.src.proto_ipv4 == ${ip} || arp.dst.proto_ipv4 == ${ip}`).join(' || ')})`,
      );
    }
    return terms.join(' && ');
  }
  terms.push('(ip || ipv6)');
  if (selection.protocol === 'icmp') terms.push('(icmp || icmpv6)');
  else if (selection.protocol !== null) terms.push(selection.protocol);
  if (selection.port !== null) terms.push(`(tcp.port == ${selection.port} || udp.port == ${selection.port})`);
  const forward = [sideFilter('src', selection.sideA), sideFilter('dst', selection.sideB)].filter((t) => t !== null);
  const backward = [sideFilter('src', selection.sideB), sideFilter('dst', selection.sideA)].filter((t) => t !== null);
  if (forward.length > 0) terms.push(`((${forward.join(' && ')}) || (${backward.join(' && ')}))`);
  return terms.join(' && ');
}

/** The selection in words, for the window. */
export function describeSelection(selection: PacketSelection): string {
  const side = (addresses: readonly string[] | null): string =>
    addresses === null ? 'any address' : addresses.join(', ');
  const parts = [
    selection.protocol ?? 'any protocol',
    selection.protocol === 'arp'
      ? `naming ${side(selection.sideA)}`
      : `between ${side(selection.sideA)} and ${side(selection.sideB)}`,
    ...(selection.port === null ? [] : [`port ${selection.port}`]),
    `from ${microsText(selection.fromMicros)} to ${microsText(selection.toMicros)} (capture time)`,
  ];
  return parts.join(', ');
}

/** Addresses of a decoded packet as text (for tests and messages; allocates). */
export function packetAddresses(packet: Packet): { src: string; dst: string } {
  if (packet.l3 === L3.IPV4) return { src: ipv4ToString(packet.src[0] ?? 0), dst: ipv4ToString(packet.dst[0] ?? 0) };
  return { src: ipv6ToString(packet.src), dst: ipv6ToString(packet.dst) };
}

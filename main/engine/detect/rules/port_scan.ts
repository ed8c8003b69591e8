/**
 * port_scan: one source probing many ports on one target. Counts distinct destination ports per
 * source→target pair over a short window (fast scans: nmap -T3..T5, masscan) and a long one (slow
 * scans: nmap -T1 "sneaky" waits 15 s between probes, -T2 "polite" 0.4 s).
 *
 * A probe is a TCP segment without ACK or RST (SYN, FIN, NULL, XMAS and other stealth flag sets; a
 * connect() scan opens with an ordinary SYN too) or a UDP datagram that is not a service's reply.
 * A port the target answers with SYN-ACK (or, for UDP, any datagram from that port) stops counting:
 * it is an open service the source talks to, the inverse of Snort 3's port_scan, which learns scans
 * from the negative responses (RST, ICMP unreachable) targets send. So a client opening many
 * connections to services that accept them never adds up, while scans, whose probes land mostly on
 * closed or filtered ports, do.
 */
import type { DecodeResult } from '../../decode/result';
import type { Packet } from '../../decode/packet';
import { IPPROTO, L3, LAYER, TCP_FLAG } from '../../decode/packet';
import type { FrameRef } from '../../pipeline';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import type { AddressKey } from '../support/address-key';
import { addressText, dstKey, pairKey, srcKey } from '../support/address-key';
import { BoundedMap } from '../support/bounded-map';
import { Cooldown } from '../support/cooldown';
import { DistinctSet, DistinctWindow } from '../support/distinct-counter';
import { packetTime } from '../support/packet-time';
import { scoreOver, severityOver } from '../support/severity';

export interface PortScanThresholds {
  /** Short window, seconds. */
  readonly fastWindowSeconds: number;
  /** Distinct unanswered ports per source→target within the short window that make a scan. */
  readonly fastPorts: number;
  /** Long window, seconds. */
  readonly slowWindowSeconds: number;
  /** Distinct unanswered ports per source→target within the long window that make a scan. */
  readonly slowPorts: number;
  /** Least capture time between two reports for one pair. */
  readonly cooldownSeconds: number;
  /** Most source→target pairs tracked (least recently active forgotten beyond). */
  readonly maxPairs: number;
  /** Most distinct ports kept per pair and window; the count saturates there. */
  readonly maxPortsPerPair: number;
}

/**
 * - fastWindowSeconds 60, fastPorts 20: Snort's portscan2 defaults (port_limit 20 within a 60 s
 *   timeout); sfPortscan's low sensitivity also uses a 60 s window. nmap's default 1000-port scan
 *   at -T3..T5 passes 20 ports in well under a second, and -T2 (0.4 s per probe) in 8 s.
 * - slowWindowSeconds 3600, slowPorts 30: nmap -T1 sends one probe per 15 s, 240 per hour, so it
 *   passes 30 ports in 7.5 minutes; a client on ordinary services stays far below 30 unanswered
 *   ports on one host in an hour. -T0 (one probe per 5 minutes, 12 per hour) is not caught.
 * - cooldownSeconds 60: a running scan reports once a minute; the incident book grows one alert.
 * - maxPairs 4096 × maxPortsPerPair 400: the worst case (every pair full in both windows) stays near
 *   three million small map entries; 400 ports is 20× the fast threshold, so the cap still leaves
 *   room for the top severity (16×).
 */
export const PORT_SCAN_DEFAULTS: PortScanThresholds = {
  fastWindowSeconds: 60,
  fastPorts: 20,
  slowWindowSeconds: 3600,
  slowPorts: 30,
  cooldownSeconds: 60,
  maxPairs: 4096,
  maxPortsPerPair: 400,
};

/** Probe kinds, as bits, for the evidence's scan type. */
const PROBE = { SYN: 1, FIN: 2, NULL: 4, XMAS: 8, OTHER_TCP: 16, UDP: 32 } as const;
const PROBE_NAMES: readonly [number, string][] = [
  [PROBE.SYN, 'syn'],
  [PROBE.FIN, 'fin'],
  [PROBE.NULL, 'null'],
  [PROBE.XMAS, 'xmas'],
  [PROBE.OTHER_TCP, 'other-tcp'],
  [PROBE.UDP, 'udp'],
];

/** UDP ports are stored above TCP's so one set holds both. */
const UDP_PORT_BASE = 65536;

/**
 * UDP source ports of services whose replies go to clients' ephemeral ports: without this a DNS
 * server answering one client from port 53 to hundreds of client ports would look like a UDP scan.
 * Any source port below 1024 counts as a service; these are the common ones above it (OpenVPN,
 * SSDP, STUN, IPsec NAT traversal, mDNS, LLMNR).
 */
const UDP_SERVICE_PORTS = new Set([1194, 1900, 3478, 4500, 5353, 5355]);

/** What the rule keeps per source→target pair: one lookup per probe finds both windows. */
interface PairState {
  readonly src: AddressKey;
  readonly dst: AddressKey;
  /** Probes since the pair was first seen (or last forgotten). */
  probes: number;
  /** PROBE bits seen. */
  kinds: number;
  readonly fast: DistinctSet<number>;
  readonly slow: DistinctSet<number>;
}

/** The TCP probe kind of a flags byte, or 0 when the segment is no probe (it has ACK or RST). */
function tcpProbeKind(flags: number): number {
  if ((flags & (TCP_FLAG.ACK | TCP_FLAG.RST)) !== 0) return 0;
  const core = flags & (TCP_FLAG.SYN | TCP_FLAG.FIN | TCP_FLAG.PSH | TCP_FLAG.URG);
  if (core === TCP_FLAG.SYN) return PROBE.SYN;
  if (core === TCP_FLAG.FIN) return PROBE.FIN;
  if (core === 0) return PROBE.NULL;
  if (core === (TCP_FLAG.FIN | TCP_FLAG.PSH | TCP_FLAG.URG)) return PROBE.XMAS;
  return PROBE.OTHER_TCP;
}

function isUdpReply(srcPort: number, dstPort: number): boolean {
  return dstPort >= 1024 && (srcPort < 1024 || UDP_SERVICE_PORTS.has(srcPort));
}

export class PortScanDetector implements Detector {
  readonly name = 'rule:port_scan';
  readonly pairs: BoundedMap<string, PairState>;
  private readonly fast: DistinctWindow<number>;
  private readonly slow: DistinctWindow<number>;
  private readonly cooldown: Cooldown<string>;
  /** The pair and port of the last probe counted (see onPacket). */
  private last: { readonly state: PairState; readonly port: number } | undefined;

  constructor(
    private readonly emit: DetectionSink,
    readonly thresholds: PortScanThresholds = PORT_SCAN_DEFAULTS,
  ) {
    const { maxPairs, maxPortsPerPair } = thresholds;
    this.pairs = new BoundedMap(maxPairs);
    this.fast = new DistinctWindow(thresholds.fastWindowSeconds, maxPortsPerPair);
    this.slow = new DistinctWindow(thresholds.slowWindowSeconds, maxPortsPerPair);
    this.cooldown = new Cooldown(thresholds.cooldownSeconds, maxPairs);
  }

  onPacket(packet: Packet, _result: DecodeResult, _frame: FrameRef): void {
    if (packet.depth < LAYER.TRANSPORT || (packet.l3 !== L3.IPV4 && packet.l3 !== L3.IPV6)) return;
    const protocol = packet.protocol;
    let kind: number;
    let port: number;
    if (protocol === IPPROTO.TCP) {
      const flags = packet.tcpFlags;
      if ((flags & (TCP_FLAG.SYN | TCP_FLAG.ACK)) === (TCP_FLAG.SYN | TCP_FLAG.ACK)) {
        this.forgetAnswered(packet, packet.srcPort);
        return;
      }
      kind = tcpProbeKind(flags);
      port = packet.dstPort;
    } else if (protocol === IPPROTO.UDP) {
      if (isUdpReply(packet.srcPort, packet.dstPort)) {
        this.forgetAnswered(packet, UDP_PORT_BASE + packet.srcPort);
        return;
      }
      kind = PROBE.UDP;
      port = UDP_PORT_BASE + packet.dstPort;
    } else {
      return;
    }
    if (kind === 0) return;

    const src = srcKey(packet);
    const dst = dstKey(packet);
    // A stream (RTP, an unanswered UDP feed) repeats one pair and port packet after packet: nothing
    // changes for the distinct-port counts, so only the probe count moves. This skips a string key
    // and two window updates per packet for most UDP traffic. Any other probe, and any answer,
    // clears the shortcut; a new pair can only be stored (and another evicted) off this path.
    const last = this.last;
    if (last !== undefined && last.port === port && last.state.src === src && last.state.dst === dst) {
      last.state.probes++;
      last.state.kinds |= kind;
      return;
    }
    const key = pairKey(src, dst);
    let state = this.pairs.get(key);
    if (state === undefined) {
      state = { src, dst, probes: 0, kinds: 0, fast: new DistinctSet(), slow: new DistinctSet() };
      this.pairs.set(key, state);
    }
    state.probes++;
    state.kinds |= kind;
    this.last = { state, port };
    const time = packetTime(packet);
    const fast = this.fast.add(state.fast, port, time);
    const slow = this.slow.add(state.slow, port, time);
    const t = this.thresholds;
    if (fast.size >= t.fastPorts) {
      if (this.cooldown.tryFire(key, time)) this.report(state, fast, t.fastPorts, t.fastWindowSeconds, 'fast');
    } else if (slow.size >= t.slowPorts) {
      if (this.cooldown.tryFire(key, time)) this.report(state, slow, t.slowPorts, t.slowWindowSeconds, 'slow');
    }
  }

  /** The target answered from `port`: an open service, so it no longer counts as probed. */
  private forgetAnswered(packet: Packet, port: number): void {
    this.last = undefined;
    // The answer flows target→scanner, so the probing pair is (packet dst, packet src).
    const state = this.pairs.peek(pairKey(dstKey(packet), srcKey(packet)));
    state?.fast.forget(port);
    state?.slow.forget(port);
  }

  private report(
    state: PairState,
    ports: DistinctSet<number>,
    threshold: number,
    windowSeconds: number,
    window: 'fast' | 'slow',
  ): void {
    const count = ports.size;
    const sample = ports.sample(20);
    const tcpPorts = sample.filter((port) => port < UDP_PORT_BASE);
    const udpPorts = sample.filter((port) => port >= UDP_PORT_BASE).map((port) => port - UDP_PORT_BASE);
    const scanTypes = PROBE_NAMES.filter(([bit]) => (state.kinds & bit) !== 0).map(([, name]) => name);
    const src = addressText(state.src);
    const dst = addressText(state.dst);
    const capped = count >= this.thresholds.maxPortsPerPair;
    this.emit({
      kind: 'port_scan',
      // Recon, not yet harm: low at the threshold, medium past 4× (80 ports fast), high past 16× (320).
      severity: severityOver(count, threshold, 'low'),
      src,
      dst,
      firstSeen: ports.firstSeen,
      lastSeen: ports.latest,
      score: scoreOver(count, threshold),
      detector: this.name,
      summary:
        `${src} probed ${capped ? 'at least ' : ''}${count} ports on ${dst} within ${windowSeconds} s ` +
        `(${scanTypes.join('/')} scan, ${ports.events} probes)`,
      evidence: {
        ports: count,
        portsCapped: capped,
        tcpPorts,
        udpPorts,
        scanTypes,
        probes: ports.events,
        pairProbes: state.probes,
        window,
        windowSeconds,
        threshold,
      },
    });
  }
}

/** A port_scan factory; `options` override PORT_SCAN_DEFAULTS. */
export function portScanRule(options: Partial<PortScanThresholds> = {}): DetectorFactory {
  const thresholds = { ...PORT_SCAN_DEFAULTS, ...options };
  return (emit) => new PortScanDetector(emit, thresholds);
}

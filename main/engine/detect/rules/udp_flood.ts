/**
 * udp_flood: UDP packets or bytes to one target above a rate, from one source or many, while the
 * target sends (almost) nothing back. The reply condition is what separates a flood from a busy
 * service: a DNS or QUIC server answers what it receives, a flooded host does not (closed ports
 * answer with ICMP, which is not UDP, and Linux rate-limits even that). Datagrams to a port nobody
 * listens on — the target answers them with ICMP port unreachable — have a lower bar: that is the
 * textbook UDP flood (random or fixed closed ports, the host spending itself on unreachables), and
 * no service is being used, however busy.
 */
import type { DecodeResult } from '../../decode/result';
import type { Packet } from '../../decode/packet';
import { IPPROTO, L3, LAYER } from '../../decode/packet';
import type { FrameRef } from '../../pipeline';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import type { AddressKey } from '../support/address-key';
import { addressText, dstKey, srcKey } from '../support/address-key';
import { Cooldown } from '../support/cooldown';
import { FloodMeter } from '../support/flood-meter';
import { isGroupDestination } from '../support/multicast';
import { packetTime } from '../support/packet-time';
import { scoreOver, severityOver } from '../support/severity';
import { floodSources } from '../support/sources';
import { tallyRates, WindowCounter } from '../support/window-counter';
import type { WindowTally } from '../support/window-counter';

export interface UdpFloodThresholds {
  readonly windowSeconds: number;
  /** Packets per second to one target, averaged over the window. */
  readonly packetsPerSecond: number;
  /** Or IP bytes per second to one target. */
  readonly bytesPerSecond: number;
  /**
   * Or packets per second to a target that answered at least one of them with ICMP port unreachable
   * (the port is closed) within the window.
   */
  readonly closedPortPacketsPerSecond: number;
  /** Report only while the target sent back less than this share of what it received. */
  readonly maxReplyShare: number;
  readonly cooldownSeconds: number;
  readonly maxTargets: number;
  readonly maxSourcesPerTarget: number;
}

/**
 * - windowSeconds 5: averages out bursts (a game or VoIP call sends 50 pps steadily; a DNS burst
 *   lasts milliseconds) yet reports a flood within seconds.
 * - packetsPerSecond 1000: 20× a VoIP/RTP stream (50 pps at 20 ms packetisation, RFC 3551) and
 *   10× iperf3's default UDP test (1 Mbit/s ≈ 90 pps); hping3 --udp --flood sends tens of
 *   thousands a second.
 * - bytesPerSecond 12.5 MB (100 Mbit/s): large-datagram floods stay under the packet rate but
 *   fill a link; one-way unicast UDP at that rate is not something ordinary hosts receive.
 * - closedPortPacketsPerSecond 200: the icmp_flood and tcp_flag_flood bar. Nothing legitimate sends
 *   hundreds of datagrams a second to a closed port; one unreachable in the window suffices, since
 *   Linux sends at most about one a second per destination (net.ipv4.icmp_ratelimit 1000 ms).
 *   hping3 --udp at -i u500 sends 2,000 a second, and still 600 on a busy machine.
 * - maxReplyShare 0.1: QUIC acknowledges every second packet (RFC 9000 §13.2.2), DNS answers every
 *   query, so services reply to a third or more of what they get; a flooded host replies to none.
 * - cooldownSeconds 60, 4096 targets, 64 sources per target: as syn_flood.
 */
export const UDP_FLOOD_DEFAULTS: UdpFloodThresholds = {
  windowSeconds: 5,
  packetsPerSecond: 1000,
  bytesPerSecond: 12_500_000,
  closedPortPacketsPerSecond: 200,
  maxReplyShare: 0.1,
  cooldownSeconds: 60,
  maxTargets: 4096,
  maxSourcesPerTarget: 64,
};

export class UdpFloodDetector implements Detector {
  readonly name = 'rule:udp_flood';
  readonly inbound: FloodMeter;
  /** UDP packets each busy target sent: its replies. */
  readonly outbound: WindowCounter<AddressKey>;
  /** ICMP port-unreachable messages each busy target sent: its closed ports. */
  readonly unreachables: WindowCounter<AddressKey>;
  private readonly cooldown: Cooldown<AddressKey>;

  constructor(
    private readonly emit: DetectionSink,
    readonly thresholds: UdpFloodThresholds = UDP_FLOOD_DEFAULTS,
  ) {
    const { windowSeconds, maxTargets, maxSourcesPerTarget } = thresholds;
    // Sources and replies are tracked only for targets past a tenth of the packet limit: ordinary
    // hosts then cost one table update per packet (see FloodMeter.sourcesFromCount).
    const lowest = Math.min(thresholds.packetsPerSecond, thresholds.closedPortPacketsPerSecond);
    const sourcesFromCount = Math.ceil((lowest * windowSeconds) / 10);
    this.inbound = new FloodMeter({ windowSeconds, maxTargets, maxSourcesPerTarget, sourcesFromCount });
    this.outbound = new WindowCounter({ windowSeconds, maxKeys: maxTargets });
    this.unreachables = new WindowCounter({ windowSeconds, maxKeys: maxTargets });
    this.cooldown = new Cooldown(thresholds.cooldownSeconds, maxTargets);
  }

  onPacket(packet: Packet, _result: DecodeResult, _frame: FrameRef): void {
    if (packet.l3 !== L3.IPV4 && packet.l3 !== L3.IPV6) return;
    if (isPortUnreachable(packet)) {
      const from = srcKey(packet);
      if (this.inbound.isBusy(from)) this.unreachables.add(from, packetTime(packet));
      return;
    }
    if (packet.protocol !== IPPROTO.UDP || packet.depth < LAYER.NETWORK) return;
    const time = packetTime(packet);
    const src = srcKey(packet);
    // Replies of a busy target; counting starts when it gets busy, so a service's reply share is
    // measured over less than the window, which understates it only for the packets before.
    if (this.inbound.isBusy(src)) this.outbound.add(src, time);
    if (isGroupDestination(packet)) return;
    const target = dstKey(packet);
    const inbound = this.inbound.add(target, src, time, packet.ipLength);
    const t = this.thresholds;
    const packetLimit = t.packetsPerSecond * t.windowSeconds;
    const byteLimit = t.bytesPerSecond * t.windowSeconds;
    const closedLimit = t.closedPortPacketsPerSecond * t.windowSeconds;
    if (inbound.count < packetLimit && inbound.sum < byteLimit && inbound.count < closedLimit) return;
    const unreachables = this.unreachables.peek(target, time)?.count ?? 0;
    if (inbound.count < packetLimit && inbound.sum < byteLimit && unreachables === 0) return;
    const replies = this.outbound.peek(target, time)?.count ?? 0;
    if (replies >= t.maxReplyShare * inbound.count) return;
    if (!this.cooldown.tryFire(target, time)) return;
    // Graded on whichever measure is further past its limit; the closed-port bar counts only when it applied.
    const ratio = Math.max(
      inbound.count / packetLimit,
      inbound.sum / byteLimit,
      unreachables > 0 ? inbound.count / closedLimit : 0,
    );
    this.report(target, inbound, replies, unreachables, ratio);
  }

  private report(target: AddressKey, inbound: WindowTally, replies: number, unreachables: number, ratio: number): void {
    const t = this.thresholds;
    const sources = floodSources(this.inbound.sourcesOf(target));
    const dst = addressText(target);
    const { pps, mbps } = tallyRates(inbound, t.windowSeconds);
    this.emit({
      kind: 'udp_flood',
      severity: severityOver(ratio, 1, 'medium'),
      src: sources.src,
      dst,
      firstSeen: inbound.firstSeen,
      lastSeen: inbound.lastSeen,
      score: scoreOver(ratio, 1),
      detector: this.name,
      summary:
        `${dst} received ${inbound.count} UDP packets (${pps} pps, ${mbps} Mbit/s) from ${sources.phrase} ` +
        `within ${t.windowSeconds} s and sent back ${replies}` +
        (unreachables > 0 ? ` (and ${unreachables} ICMP port unreachable: nothing listens)` : ''),
      evidence: {
        packets: inbound.count,
        bytes: inbound.sum,
        packetsPerSecond: pps,
        megabitsPerSecond: mbps,
        replies,
        portUnreachables: unreachables,
        windowSeconds: t.windowSeconds,
        packetThreshold: t.packetsPerSecond * t.windowSeconds,
        byteThreshold: t.bytesPerSecond * t.windowSeconds,
        closedPortPacketThreshold: t.closedPortPacketsPerSecond * t.windowSeconds,
        ...sources.evidence,
      },
    });
  }
}

/** A udp_flood factory; `options` override UDP_FLOOD_DEFAULTS. */
export function udpFloodRule(options: Partial<UdpFloodThresholds> = {}): DetectorFactory {
  const thresholds = { ...UDP_FLOOD_DEFAULTS, ...options };
  return (emit) => new UdpFloodDetector(emit, thresholds);
}

/** ICMP destination unreachable, port unreachable (RFC 792: type 3 code 3; RFC 4443: ICMPv6 type 1 code 4). */
function isPortUnreachable(packet: Packet): boolean {
  if (packet.depth < LAYER.TRANSPORT) return false;
  if (packet.protocol === IPPROTO.ICMP) return packet.icmpType === 3 && packet.icmpCode === 3;
  if (packet.protocol === IPPROTO.ICMPV6) return packet.icmpType === 1 && packet.icmpCode === 4;
  return false;
}

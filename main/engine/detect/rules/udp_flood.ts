/**
 * udp_flood: UDP packets or bytes to one target above a rate, from one source or many, while the
 * target sends (almost) nothing back. The reply condition is what separates a flood from a busy
 * service: a DNS or QUIC server answers what it receives, a flooded host does not (closed ports
 * answer with ICMP, which is not UDP, and Linux rate-limits even that).
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
import { WindowCounter } from '../support/window-counter';
import type { WindowTally } from '../support/window-counter';

export interface UdpFloodThresholds {
  readonly windowSeconds: number;
  /** Packets per second to one target, averaged over the window. */
  readonly packetsPerSecond: number;
  /** Or IP bytes per second to one target. */
  readonly bytesPerSecond: number;
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
 * - maxReplyShare 0.1: QUIC acknowledges every second packet (RFC 9000 §13.2.2), DNS answers every
 *   query, so services reply to a third or more of what they get; a flooded host replies to none.
 * - cooldownSeconds 60, 4096 targets, 64 sources per target: as syn_flood.
 */
export const UDP_FLOOD_DEFAULTS: UdpFloodThresholds = {
  windowSeconds: 5,
  packetsPerSecond: 1000,
  bytesPerSecond: 12_500_000,
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
  private readonly cooldown: Cooldown<AddressKey>;

  constructor(
    private readonly emit: DetectionSink,
    readonly thresholds: UdpFloodThresholds = UDP_FLOOD_DEFAULTS,
  ) {
    const { windowSeconds, maxTargets, maxSourcesPerTarget } = thresholds;
    // Sources and replies are tracked only for targets past a tenth of the packet limit: ordinary
    // hosts then cost one table update per packet (see FloodMeter.sourcesFromCount).
    const sourcesFromCount = Math.ceil((thresholds.packetsPerSecond * windowSeconds) / 10);
    this.inbound = new FloodMeter({ windowSeconds, maxTargets, maxSourcesPerTarget, sourcesFromCount });
    this.outbound = new WindowCounter({ windowSeconds, maxKeys: maxTargets });
    this.cooldown = new Cooldown(thresholds.cooldownSeconds, maxTargets);
  }

  onPacket(packet: Packet, _result: DecodeResult, _frame: FrameRef): void {
    if (packet.protocol !== IPPROTO.UDP || packet.depth < LAYER.NETWORK) return;
    if (packet.l3 !== L3.IPV4 && packet.l3 !== L3.IPV6) return;
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
    if (inbound.count < packetLimit && inbound.sum < byteLimit) return;
    const replies = this.outbound.peek(target, time)?.count ?? 0;
    if (replies >= t.maxReplyShare * inbound.count) return;
    if (this.cooldown.tryFire(target, time)) this.report(target, inbound, replies, packetLimit, byteLimit);
  }

  private report(
    target: AddressKey,
    inbound: WindowTally,
    replies: number,
    packetLimit: number,
    byteLimit: number,
  ): void {
    const t = this.thresholds;
    const sources = floodSources(this.inbound.sourcesOf(target));
    const dst = addressText(target);
    // Grade on whichever measure is further past its limit.
    const ratio = Math.max(inbound.count / packetLimit, inbound.sum / byteLimit);
    const pps = Math.round(inbound.count / t.windowSeconds);
    const mbps = Math.round((inbound.sum * 8) / t.windowSeconds / 1e5) / 10;
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
        `within ${t.windowSeconds} s and sent back ${replies}`,
      evidence: {
        packets: inbound.count,
        bytes: inbound.sum,
        packetsPerSecond: pps,
        megabitsPerSecond: mbps,
        replies,
        windowSeconds: t.windowSeconds,
        packetThreshold: packetLimit,
        byteThreshold: byteLimit,
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

/**
 * icmp_flood: ICMP / ICMPv6 packets or bytes to one target above a rate, from one source or many.
 *
 * What counts: every ICMP type except neighbour discovery and multicast listener messages (ICMPv6
 * 130–143, link housekeeping) and echo replies the target asked for. An echo reply counts only while
 * the target sent no echo request in the window, so the attacker of a ping flood is not reported as
 * flooded by its victim's answers, while a smurf victim (flooded with replies it never asked for) is.
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

export interface IcmpFloodThresholds {
  readonly windowSeconds: number;
  /** ICMP packets per second to one target, averaged over the window. */
  readonly packetsPerSecond: number;
  /** Or IP bytes per second to one target. */
  readonly bytesPerSecond: number;
  readonly cooldownSeconds: number;
  readonly maxTargets: number;
  readonly maxSourcesPerTarget: number;
}

/**
 * - windowSeconds 5: as the other floods.
 * - packetsPerSecond 200: ping sends one a second, and 5 a second (-i 0.2) is the fastest iputils
 *   ping lets an unprivileged user go; 200 is 40× that. `ping -f` and hping3 --icmp --flood send
 *   hundreds to tens of thousands a second.
 * - bytesPerSecond 2.5 MB (20 Mbit/s): ping with large payloads (-s 65000) stays under the packet
 *   rate yet is plainly not a reachability check; 20 Mbit/s of ICMP is 200× ordinary monitoring.
 */
export const ICMP_FLOOD_DEFAULTS: IcmpFloodThresholds = {
  windowSeconds: 5,
  packetsPerSecond: 200,
  bytesPerSecond: 2_500_000,
  cooldownSeconds: 60,
  maxTargets: 4096,
  maxSourcesPerTarget: 64,
};

const ECHO_REQUEST_V4 = 8;
const ECHO_REPLY_V4 = 0;
const ECHO_REQUEST_V6 = 128;
const ECHO_REPLY_V6 = 129;
/** ICMPv6 MLD and neighbour discovery (RFC 4443 §2.1 informational range, RFC 4861, RFC 3810). */
const V6_HOUSEKEEPING_FIRST = 130;
const V6_HOUSEKEEPING_LAST = 143;

export class IcmpFloodDetector implements Detector {
  readonly name = 'rule:icmp_flood';
  readonly inbound: FloodMeter;
  /** Echo requests each host sent: replies to it are then answers, not a flood. */
  readonly requestsSent: WindowCounter<AddressKey>;
  private readonly cooldown: Cooldown<AddressKey>;

  constructor(
    private readonly emit: DetectionSink,
    readonly thresholds: IcmpFloodThresholds = ICMP_FLOOD_DEFAULTS,
  ) {
    const { windowSeconds, maxTargets, maxSourcesPerTarget } = thresholds;
    // Sources are recorded only past a tenth of the limit (see FloodMeter.sourcesFromCount).
    const sourcesFromCount = Math.ceil((thresholds.packetsPerSecond * windowSeconds) / 10);
    this.inbound = new FloodMeter({ windowSeconds, maxTargets, maxSourcesPerTarget, sourcesFromCount });
    this.requestsSent = new WindowCounter({ windowSeconds, maxKeys: maxTargets });
    this.cooldown = new Cooldown(thresholds.cooldownSeconds, maxTargets);
  }

  onPacket(packet: Packet, _result: DecodeResult, _frame: FrameRef): void {
    const v6 = packet.l3 === L3.IPV6;
    if (packet.protocol !== (v6 ? IPPROTO.ICMPV6 : IPPROTO.ICMP) || packet.depth < LAYER.NETWORK) return;
    if (packet.l3 !== L3.IPV4 && !v6) return;
    const type = packet.icmpType;
    if (v6 && type >= V6_HOUSEKEEPING_FIRST && type <= V6_HOUSEKEEPING_LAST) return;
    const time = packetTime(packet);
    const src = srcKey(packet);
    if (type === (v6 ? ECHO_REQUEST_V6 : ECHO_REQUEST_V4)) this.requestsSent.add(src, time);
    if (isGroupDestination(packet)) return;
    const target = dstKey(packet);
    if (type === (v6 ? ECHO_REPLY_V6 : ECHO_REPLY_V4) && (this.requestsSent.peek(target, time)?.count ?? 0) > 0) return;
    const inbound = this.inbound.add(target, src, time, packet.ipLength);
    const t = this.thresholds;
    const packetLimit = t.packetsPerSecond * t.windowSeconds;
    const byteLimit = t.bytesPerSecond * t.windowSeconds;
    if (inbound.count < packetLimit && inbound.sum < byteLimit) return;
    if (this.cooldown.tryFire(target, time)) this.report(target, inbound, packetLimit, byteLimit);
  }

  private report(target: AddressKey, inbound: WindowTally, packetLimit: number, byteLimit: number): void {
    const t = this.thresholds;
    const sources = floodSources(this.inbound.sourcesOf(target));
    const dst = addressText(target);
    const ratio = Math.max(inbound.count / packetLimit, inbound.sum / byteLimit);
    const { pps, mbps } = tallyRates(inbound, t.windowSeconds);
    this.emit({
      kind: 'icmp_flood',
      severity: severityOver(ratio, 1, 'medium'),
      src: sources.src,
      dst,
      firstSeen: inbound.firstSeen,
      lastSeen: inbound.lastSeen,
      score: scoreOver(ratio, 1),
      detector: this.name,
      summary: `${dst} received ${inbound.count} ICMP packets (${pps} pps, ${mbps} Mbit/s) from ${sources.phrase} within ${t.windowSeconds} s`,
      evidence: {
        packets: inbound.count,
        bytes: inbound.sum,
        packetsPerSecond: pps,
        megabitsPerSecond: mbps,
        windowSeconds: t.windowSeconds,
        packetThreshold: packetLimit,
        byteThreshold: byteLimit,
        ...sources.evidence,
      },
    });
  }
}

/** An icmp_flood factory; `options` override ICMP_FLOOD_DEFAULTS. */
export function icmpFloodRule(options: Partial<IcmpFloodThresholds> = {}): DetectorFactory {
  const thresholds = { ...ICMP_FLOOD_DEFAULTS, ...options };
  return (emit) => new IcmpFloodDetector(emit, thresholds);
}

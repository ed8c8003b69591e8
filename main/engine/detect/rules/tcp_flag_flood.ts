/**
 * tcp_flag_flood: a flood of TCP segments with flags no healthy connection sends at rate, to one
 * service: FIN or RST without ACK, PSH without data (hping3 -PA sends empty PSH-ACK segments), and
 * combinations RFC 9293 gives no meaning (SYN+FIN, SYN+RST, FIN+RST, NULL, XMAS). Ordinary traffic
 * carries such segments one at a time (an aborted connection's RST); floods carry thousands a second.
 *
 * Keyed per service (address and port), like syn_flood, so a FIN/NULL/XMAS port scan (one segment
 * per port) is port_scan's business. A bare RST on a connection whose SYN-ACK was just seen is
 * healthy: RFC 9293 (3.10.7.3) has a host answer a SYN-ACK it did not expect with exactly that
 * segment, which is what the sender of a raw-socket SYN flood (hping3 -S) sends back for every
 * SYN-ACK; those belong to syn_flood's picture, not to a flag flood. Not covered: PSH-ACK floods that carry data, which look like
 * mid-stream traffic without connection state (traffic_spike's measure catches their volume).
 */
import type { DecodeResult } from '../../decode/result';
import type { Packet } from '../../decode/packet';
import { IPPROTO, L3, LAYER, TCP_FLAG } from '../../decode/packet';
import type { FrameRef } from '../../pipeline';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import type { AddressKey } from '../support/address-key';
import { dstKey, serviceAddressText, serviceKey, srcKey } from '../support/address-key';
import { BoundedMap } from '../support/bounded-map';
import { Cooldown } from '../support/cooldown';
import { FloodMeter } from '../support/flood-meter';
import { packetTime } from '../support/packet-time';
import { scoreOver, severityOver } from '../support/severity';
import { floodSources } from '../support/sources';
import { tallyRates, type WindowTally } from '../support/window-counter';

export interface TcpFlagFloodThresholds {
  readonly windowSeconds: number;
  /** Odd-flag segments per second to one service, averaged over the window. */
  readonly packetsPerSecond: number;
  readonly cooldownSeconds: number;
  readonly maxTargets: number;
  readonly maxSourcesPerTarget: number;
  /** Most connections remembered as answered by a SYN-ACK (least recently used forgotten beyond). */
  readonly maxAnswered: number;
}

/**
 * - windowSeconds 5: as the other floods.
 * - packetsPerSecond 200: the same bar as icmp_flood. A busy server sees a few RSTs a second from
 *   aborted connections and no other odd flags at all; hping3 --flood sends thousands a second.
 */
export const TCP_FLAG_FLOOD_DEFAULTS: TcpFlagFloodThresholds = {
  windowSeconds: 5,
  packetsPerSecond: 200,
  cooldownSeconds: 60,
  maxTargets: 4096,
  maxSourcesPerTarget: 64,
  maxAnswered: 65_536,
};

/** Odd flag classes, indexes into a per-service count array. */
export const FLAG_CLASSES = ['fin', 'rst', 'psh-no-data', 'syn-fin', 'syn-rst', 'fin-rst', 'null', 'xmas'] as const;
export type FlagClass = (typeof FLAG_CLASSES)[number];
const NOT_ODD = -1;
const RST_CLASS = FLAG_CLASSES.indexOf('rst');

const { FIN, SYN, RST, PSH, ACK, URG } = TCP_FLAG;

/** The odd class of a segment (index into FLAG_CLASSES), or -1 for a segment healthy traffic sends. */
export function flagClass(flags: number, payloadLength: number): number {
  const f = flags & (FIN | SYN | RST | PSH | ACK | URG);
  if ((f & (SYN | FIN)) === (SYN | FIN)) return 3;
  if ((f & (SYN | RST)) === (SYN | RST)) return 4;
  if ((f & (FIN | RST)) === (FIN | RST)) return 5;
  if (f === 0) return 6;
  if ((f & (FIN | PSH | URG)) === (FIN | PSH | URG) && (f & ACK) === 0) return 7;
  if ((f & PSH) !== 0 && payloadLength === 0) return 2;
  if ((f & ACK) !== 0) return NOT_ODD;
  if ((f & FIN) !== 0) return 0;
  if ((f & RST) !== 0) return 1;
  return NOT_ODD;
}

export class TcpFlagFloodDetector implements Detector {
  readonly name = 'rule:tcp_flag_flood';
  readonly meter: FloodMeter;
  /** Segments per class per service since its last report, for the evidence. */
  private readonly classes: BoundedMap<AddressKey, Float64Array>;
  private readonly cooldown: Cooldown<AddressKey>;
  /** Flow ids whose last handshake segment was a SYN-ACK: a bare RST on them refuses it. */
  private readonly answered: BoundedMap<number, true>;

  constructor(
    private readonly emit: DetectionSink,
    readonly thresholds: TcpFlagFloodThresholds = TCP_FLAG_FLOOD_DEFAULTS,
  ) {
    const { windowSeconds, maxTargets, maxSourcesPerTarget } = thresholds;
    // Sources are recorded only past a tenth of the limit (see FloodMeter.sourcesFromCount).
    const sourcesFromCount = Math.ceil((thresholds.packetsPerSecond * windowSeconds) / 10);
    this.meter = new FloodMeter({ windowSeconds, maxTargets, maxSourcesPerTarget, sourcesFromCount });
    this.classes = new BoundedMap(maxTargets);
    this.cooldown = new Cooldown(thresholds.cooldownSeconds, maxTargets);
    this.answered = new BoundedMap(thresholds.maxAnswered);
  }

  onPacket(packet: Packet, _result: DecodeResult, frame: FrameRef): void {
    if (packet.protocol !== IPPROTO.TCP || packet.depth < LAYER.TRANSPORT) return;
    if (packet.l3 !== L3.IPV4 && packet.l3 !== L3.IPV6) return;
    const flags = packet.tcpFlags & (SYN | ACK | RST);
    if (flags === (SYN | ACK)) {
      if (frame.flowId !== 0) this.answered.set(frame.flowId, true);
      return;
    }
    const odd = flagClass(packet.tcpFlags, packet.payloadLength);
    if (odd === NOT_ODD) return;
    if (odd === RST_CLASS && frame.flowId !== 0 && this.answered.has(frame.flowId)) {
      this.answered.delete(frame.flowId);
      return;
    }
    const target = serviceKey(dstKey(packet), packet.dstPort);
    let counts = this.classes.get(target);
    if (counts === undefined) {
      counts = new Float64Array(FLAG_CLASSES.length);
      this.classes.set(target, counts);
    }
    counts[odd] = (counts[odd] ?? 0) + 1;
    const time = packetTime(packet);
    const tally = this.meter.add(target, srcKey(packet), time, packet.ipLength);
    const limit = this.thresholds.packetsPerSecond * this.thresholds.windowSeconds;
    if (tally.count >= limit && this.cooldown.tryFire(target, time)) {
      this.report(target, packet.dstPort, tally, counts, limit);
      counts.fill(0);
    }
  }

  private report(target: AddressKey, port: number, tally: WindowTally, counts: Float64Array, limit: number): void {
    const t = this.thresholds;
    const sources = floodSources(this.meter.sourcesOf(target));
    const dst = serviceAddressText(target);
    const byClass: Partial<Record<FlagClass, number>> = {};
    FLAG_CLASSES.forEach((name, index) => {
      const count = counts[index] ?? 0;
      if (count > 0) byClass[name] = count;
    });
    const names = Object.keys(byClass).join('/');
    const { pps } = tallyRates(tally, t.windowSeconds);
    this.emit({
      kind: 'tcp_flag_flood',
      severity: severityOver(tally.count, limit, 'medium'),
      src: sources.src,
      dst,
      firstSeen: tally.firstSeen,
      lastSeen: tally.lastSeen,
      score: scoreOver(tally.count, limit),
      detector: this.name,
      summary: `${dst} port ${port} received ${tally.count} ${names} segments (${pps} pps) from ${sources.phrase} within ${t.windowSeconds} s`,
      evidence: {
        port,
        packets: tally.count,
        packetsPerSecond: pps,
        flags: byClass,
        windowSeconds: t.windowSeconds,
        threshold: limit,
        ...sources.evidence,
      },
    });
  }
}

/** A tcp_flag_flood factory; `options` override TCP_FLAG_FLOOD_DEFAULTS. */
export function tcpFlagFloodRule(options: Partial<TcpFlagFloodThresholds> = {}): DetectorFactory {
  const thresholds = { ...TCP_FLAG_FLOOD_DEFAULTS, ...options };
  return (emit) => new TcpFlagFloodDetector(emit, thresholds);
}

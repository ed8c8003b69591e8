/**
 * syn_flood: many TCP handshakes opened to one service and never completed. Each SYN that opens a
 * flow (the pipeline's flow id) waits in a bounded table for the initiator's ACK that completes the
 * handshake; per target service, SYNs and completions are counted over a short window, and the
 * difference is the half-open rate. A flood from spoofed sources completes nothing, since the
 * SYN-ACKs go to addresses that never asked; a busy but healthy server completes nearly all.
 *
 * Keyed per service (address and port) so a port scan, which sends one SYN to each of many ports,
 * is port_scan's business and not a flood.
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
import { WindowCounter } from '../support/window-counter';

export interface SynFloodThresholds {
  /** Window, seconds. */
  readonly windowSeconds: number;
  /** Half-open handshakes per second to one service, averaged over the window. */
  readonly halfOpenPerSecond: number;
  /** Report only while fewer than this share of the window's SYNs completed. */
  readonly maxCompletedShare: number;
  readonly cooldownSeconds: number;
  /** Most handshakes waiting for their completing ACK. */
  readonly maxPending: number;
  /** Most target services tracked. */
  readonly maxTargets: number;
  /** Most distinct sources kept per service; beyond, the flood counts as from many sources. */
  readonly maxSourcesPerTarget: number;
}

/**
 * - windowSeconds 5: long enough to average out bursts of a page load (a browser opens 6–10
 *   connections at once), short enough to report a flood within seconds.
 * - halfOpenPerSecond 100: Linux sizes its SYN backlog (tcp_max_syn_backlog) at 128–1024 and keeps a
 *   half-open entry about 63 s (SYN-ACK retried 5 times, 1+2+4+8+16+32 s), so 100 unanswered SYNs a
 *   second fill even a 1024-entry backlog within ~10 s; that is the rate at which a server starts
 *   dropping or falls back to SYN cookies. hping3 --flood sends tens of thousands a second.
 * - maxCompletedShare 0.5: a healthy server completes nearly every handshake; under a flood the
 *   share collapses toward 0. A server with a real overload of legitimate clients stays above half.
 * - cooldownSeconds 60: one report a minute while the flood lasts.
 * - maxPending 65 536 handshakes, maxTargets 4096 services, 64 sources each: a spoofed flood of
 *   millions of sources stays within a few MB.
 */
export const SYN_FLOOD_DEFAULTS: SynFloodThresholds = {
  windowSeconds: 5,
  halfOpenPerSecond: 100,
  maxCompletedShare: 0.5,
  cooldownSeconds: 60,
  maxPending: 65_536,
  maxTargets: 4096,
  maxSourcesPerTarget: 64,
};

export class SynFloodDetector implements Detector {
  readonly name = 'rule:syn_flood';
  /** flow id → service key of handshakes not yet completed. */
  readonly pending: BoundedMap<number, AddressKey>;
  readonly syns: FloodMeter;
  readonly completions: WindowCounter<AddressKey>;
  private readonly cooldown: Cooldown<AddressKey>;

  constructor(
    private readonly emit: DetectionSink,
    readonly thresholds: SynFloodThresholds = SYN_FLOOD_DEFAULTS,
  ) {
    this.pending = new BoundedMap(thresholds.maxPending);
    this.syns = new FloodMeter({
      windowSeconds: thresholds.windowSeconds,
      maxTargets: thresholds.maxTargets,
      maxSourcesPerTarget: thresholds.maxSourcesPerTarget,
      // Sources are recorded only past a tenth of the threshold (see FloodMeter.sourcesFromCount).
      sourcesFromCount: Math.ceil((thresholds.halfOpenPerSecond * thresholds.windowSeconds) / 10),
    });
    this.completions = new WindowCounter({ windowSeconds: thresholds.windowSeconds, maxKeys: thresholds.maxTargets });
    this.cooldown = new Cooldown(thresholds.cooldownSeconds, thresholds.maxTargets);
  }

  onPacket(packet: Packet, _result: DecodeResult, frame: FrameRef): void {
    if (packet.protocol !== IPPROTO.TCP || packet.depth < LAYER.TRANSPORT) return;
    if (packet.l3 !== L3.IPV4 && packet.l3 !== L3.IPV6) return;
    const flags = packet.tcpFlags;
    const flowId = frame.flowId;
    if ((flags & (TCP_FLAG.SYN | TCP_FLAG.ACK | TCP_FLAG.RST)) === TCP_FLAG.SYN) {
      // A retransmitted SYN of a flow already waiting is the same handshake, not another one.
      if (flowId !== 0 && this.pending.has(flowId)) return;
      const target = serviceKey(dstKey(packet), packet.dstPort);
      if (flowId !== 0) this.pending.set(flowId, target);
      this.countSyn(packet, target);
      return;
    }
    if (flowId === 0 || (flags & (TCP_FLAG.SYN | TCP_FLAG.RST | TCP_FLAG.ACK)) !== TCP_FLAG.ACK) return;
    const target = this.pending.peek(flowId);
    if (target === undefined) return;
    // Only the initiator's ACK toward the service completes the handshake.
    if (serviceKey(dstKey(packet), packet.dstPort) !== target) return;
    this.pending.delete(flowId);
    this.completions.add(target, packetTime(packet));
  }

  private countSyn(packet: Packet, target: AddressKey): void {
    const time = packetTime(packet);
    const t = this.thresholds;
    const syns = this.syns.add(target, srcKey(packet), time, packet.ipLength);
    const completed = this.completions.peek(target, time)?.count ?? 0;
    const halfOpen = Math.max(0, syns.count - completed);
    const threshold = t.halfOpenPerSecond * t.windowSeconds;
    if (halfOpen < threshold || completed >= t.maxCompletedShare * syns.count) return;
    if (!this.cooldown.tryFire(target, time)) return;
    const sources = floodSources(this.syns.sourcesOf(target));
    const dst = serviceAddressText(target);
    const port = packet.dstPort;
    const rate = Math.round(halfOpen / t.windowSeconds);
    this.emit({
      kind: 'syn_flood',
      severity: severityOver(halfOpen, threshold, 'medium'),
      src: sources.src,
      dst,
      firstSeen: syns.firstSeen,
      lastSeen: syns.lastSeen,
      score: scoreOver(halfOpen, threshold),
      detector: this.name,
      summary:
        `${dst} port ${port} received ${syns.count} SYNs from ${sources.phrase} within ${t.windowSeconds} s ` +
        `and ${completed} completed (${rate} half-open/s)`,
      evidence: {
        port,
        syns: syns.count,
        completed,
        halfOpen,
        halfOpenPerSecond: rate,
        windowSeconds: t.windowSeconds,
        threshold,
        ...sources.evidence,
        pendingEvictions: this.pending.evictions,
      },
    });
  }
}

/** A syn_flood factory; `options` override SYN_FLOOD_DEFAULTS. */
export function synFloodRule(options: Partial<SynFloodThresholds> = {}): DetectorFactory {
  const thresholds = { ...SYN_FLOOD_DEFAULTS, ...options };
  return (emit) => new SynFloodDetector(emit, thresholds);
}

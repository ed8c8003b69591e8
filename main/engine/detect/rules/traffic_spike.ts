/**
 * TrafficSpikeDetector: a (distributed) flood on one target measured against that target's own
 * normal, whatever the protocol: what syn_flood / udp_flood / icmp_flood see per protocol, this
 * sees as a jump in a host's total inbound packet rate from many sources at once.
 *
 * Each target keeps an exponentially weighted moving average (EWMA) of its packets per second,
 * sampled in fixed intervals of capture time. An interval whose rate is `multiplier` times the
 * baseline (or the floor, whichever is higher) and whose packets came from at least `minSources`
 * addresses is a spike. Traffic that rises over hours (the working day) moves the average with it;
 * traffic from one or two sources (a backup, an iperf run) is a bulk transfer, not a spike. A
 * target is judged only once it has `learningIntervals` of history, so the first minute of a
 * capture (or of a server) raises nothing here.
 */
import type { DecodeResult } from '../../decode';
import { L3, LAYER, type Packet } from '../../decode/packet';
import type { FrameRef } from '../../pipeline';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import {
  addressText,
  BoundedMap,
  Cooldown,
  dstKey,
  packetTime,
  scoreOver,
  severityOver,
  srcKey,
  type AddressKey,
} from '../support';

export interface TrafficSpikeThresholds {
  /**
   * Rate sampling interval. 10 s smooths the sub-second burstiness of ordinary traffic (a page load,
   * a TCP slow start) while a flood of tens of seconds still spans several intervals.
   */
  readonly intervalSeconds: number;
  /**
   * EWMA weight of each new interval. 0.05 per 10 s interval is a half-life of about 14 intervals
   * (2.3 min): fast enough to follow a diurnal rise (hours), slow enough that a flood is a step.
   */
  readonly alpha: number;
  /**
   * Weight given to a spiking interval. Learning floods at full weight would make a long attack the
   * new normal within minutes; not learning them at all would make a genuine step change (a new
   * service) alert forever. A tenth of alpha lets a lasting change be learnt in about half an hour.
   */
  readonly spikeAlpha: number;
  /**
   * A spike is this many times the baseline: an order of magnitude, the usual volumetric-anomaly
   * trigger (NetFlow DDoS detectors such as FastNetMon default to fixed pps thresholds; relative to
   * a learnt mean, 10× is well past the 2–3× swing of normal daily peaks).
   */
  readonly multiplier: number;
  /** Baseline floor in packets per second: below 100 pps, even ten times normal harms no server. */
  readonly floorPps: number;
  /**
   * Intervals of a target's history needed before a spike is judged: a spike is relative to what
   * is normal for that target, and a target first seen (the start of a capture, a server just
   * switched on) has no normal yet. Six 10 s intervals is a minute. Floods of absolute size are the
   * syn/udp/icmp flood rules' job; this rule is for "much more than usual".
   */
  readonly learningIntervals: number;
  /** Distinct sources in the interval that make it "many" — a flood, not one heavy client. */
  readonly minSources: number;
  /** Sources counted per target per interval; the count saturates here (enough to pass minSources). */
  readonly maxSourcesPerTarget: number;
  /** Targets followed (least recently used forgotten beyond). */
  readonly maxTargets: number;
  /** A target that fired stays quiet this long; the incident book grows the alert. */
  readonly cooldownSeconds: number;
}

export const TRAFFIC_SPIKE_DEFAULTS: TrafficSpikeThresholds = {
  intervalSeconds: 10,
  alpha: 0.05,
  spikeAlpha: 0.005,
  multiplier: 10,
  floorPps: 100,
  learningIntervals: 6,
  minSources: 10,
  maxSourcesPerTarget: 64,
  maxTargets: 4_096,
  cooldownSeconds: 300,
};

export type TrafficSpikeOptions = Partial<TrafficSpikeThresholds>;

const NAME = 'rule:traffic_spike';
const TOP_SOURCES = 5;

/** One target's baseline and the interval being counted. */
interface Target {
  /** Baseline packets per second (EWMA); 0 before any interval closed. */
  baseline: number;
  /** Intervals that made the baseline. */
  intervals: number;
  /** Which interval (floor(t / intervalSeconds)) is being counted, and its packets. */
  period: number;
  packets: number;
  firstSeen: number;
  lastSeen: number;
  /** Packets per source this interval, at most maxSourcesPerTarget sources. */
  readonly sources: Map<AddressKey, number>;
}

export class TrafficSpikeDetector implements Detector {
  readonly name = NAME;
  private readonly limits: TrafficSpikeThresholds;
  private readonly targets: BoundedMap<AddressKey, Target>;
  private readonly cooldown: Cooldown<AddressKey>;

  constructor(
    private readonly emit: DetectionSink,
    options: TrafficSpikeOptions = {},
  ) {
    this.limits = { ...TRAFFIC_SPIKE_DEFAULTS, ...options };
    this.targets = new BoundedMap(this.limits.maxTargets);
    this.cooldown = new Cooldown(this.limits.cooldownSeconds, this.limits.maxTargets);
  }

  /** Targets followed, and sources held across them, for memory checks. */
  get size(): number {
    let sources = 0;
    for (const [, target] of this.targets.entries()) sources += target.sources.size;
    return this.targets.size + sources;
  }

  /** The baseline (pps) learnt for `address`, or undefined when it is not followed. */
  baselineOf(address: string): number | undefined {
    for (const [key, target] of this.targets.entries()) if (addressText(key) === address) return target.baseline;
    return undefined;
  }

  onPacket(packet: Packet, _result: DecodeResult, _frame: FrameRef): void {
    if (packet.depth < LAYER.NETWORK || (packet.l3 !== L3.IPV4 && packet.l3 !== L3.IPV6)) return;
    const t = packetTime(packet);
    const period = Math.floor(t / this.limits.intervalSeconds);
    const key = dstKey(packet);
    let target = this.targets.get(key);
    if (target === undefined) {
      target = { baseline: 0, intervals: 0, period, packets: 0, firstSeen: t, lastSeen: t, sources: new Map() };
      this.targets.set(key, target);
    } else if (period > target.period) {
      this.close(key, target, period);
      target.firstSeen = t;
    }
    target.packets += 1;
    target.lastSeen = t;
    const source = srcKey(packet);
    const seen = target.sources.get(source);
    if (seen !== undefined) target.sources.set(source, seen + 1);
    else if (target.sources.size < this.limits.maxSourcesPerTarget) target.sources.set(source, 1);
  }

  finish(): void {
    for (const [key, target] of [...this.targets.entries()]) this.close(key, target, target.period + 1);
  }

  /** Judges the interval being counted, folds it into the baseline, and starts interval `next`. */
  private close(key: AddressKey, target: Target, next: number): void {
    const { intervalSeconds, alpha, spikeAlpha, multiplier, floorPps, minSources, learningIntervals } = this.limits;
    const rate = target.packets / intervalSeconds;
    const reference = Math.max(target.baseline, floorPps);
    const threshold = multiplier * reference;
    const spike = target.intervals >= learningIntervals && rate >= threshold && target.sources.size >= minSources;
    if (spike && this.cooldown.tryFire(key, target.lastSeen)) this.report(key, target, rate, threshold);

    // Until 1/alpha intervals are in, a plain running mean (the usual EWMA bias correction), so a
    // young baseline is not dragged toward the zero it started from.
    const weight = spike ? spikeAlpha : Math.max(alpha, 1 / (target.intervals + 1));
    target.baseline += weight * (rate - target.baseline);
    target.intervals += 1;
    // Intervals with no packet at all are zero-rate samples: decay the baseline for each.
    const empty = Math.min(next - target.period - 1, 10_000);
    if (empty > 0) target.baseline *= (1 - alpha) ** empty;
    target.period = next;
    target.packets = 0;
    target.sources.clear();
  }

  private report(key: AddressKey, target: Target, rate: number, threshold: number): void {
    const dst = addressText(key);
    const saturated = target.sources.size >= this.limits.maxSourcesPerTarget;
    const sources = `${target.sources.size}${saturated ? '+' : ''}`;
    const top = [...target.sources.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP_SOURCES)
      .map(([source, packets]) => ({ src: addressText(source), packets }));
    const baseline = Math.round(target.baseline * 10) / 10;
    this.emit({
      kind: 'traffic_spike',
      severity: severityOver(rate, threshold, 'high'),
      src: null,
      dst,
      firstSeen: target.firstSeen,
      lastSeen: target.lastSeen,
      score: scoreOver(rate, threshold),
      detector: NAME,
      summary:
        `${dst} received ${Math.round(rate)} packets/s from ${sources} sources over ${this.limits.intervalSeconds} s,` +
        ` ${Math.round(rate / Math.max(target.baseline, this.limits.floorPps))}× its baseline of ${baseline} packets/s.`,
      evidence: {
        packetsPerSecond: Math.round(rate * 10) / 10,
        baselinePps: baseline,
        floorPps: this.limits.floorPps,
        multiplier: this.limits.multiplier,
        sources: target.sources.size,
        sourcesSaturated: saturated,
        topSources: top,
        intervalSeconds: this.limits.intervalSeconds,
        baselineIntervals: target.intervals,
      },
    });
  }
}

/** Factory with thresholds overridable through `options` (defaults: TRAFFIC_SPIKE_DEFAULTS). */
export function trafficSpikeRule(options: TrafficSpikeOptions = {}): DetectorFactory {
  return (emit) => new TrafficSpikeDetector(emit, options);
}

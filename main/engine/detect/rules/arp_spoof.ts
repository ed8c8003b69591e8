/**
 * ArpSpoofDetector: ARP cache poisoning (arpspoof, ettercap, bettercap) and gratuitous-ARP floods.
 *
 * ARP (RFC 826) has no authentication: any host may claim any IPv4 address, and receivers update
 * their caches from replies they never asked for. A poisoner therefore does three visible things:
 * the MAC bound to an IP flips (to the attacker's and, when the real owner answers, back), it sends
 * replies no one requested, and some tools flood gratuitous ARP (sender IP = target IP). RFC 5227
 * §2.4 treats an IP claimed by a second MAC as a conflict worth reporting; that is the flip here.
 */
import type { AlertKind } from '../../../../preload/api/alerts';
import type { DecodeResult } from '../../decode';
import { ipv4ToString, macToString } from '../../decode/address-format';
import { L3, LAYER, type Packet } from '../../decode/packet';
import type { FrameRef } from '../../pipeline';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import { BoundedMap, Cooldown, packetTime, scoreOver, severityOver, WindowCounter } from '../support';

/** ARP operation codes (RFC 826). */
const ARP_REQUEST = 1;
const ARP_REPLY = 2;

export interface ArpSpoofThresholds {
  /**
   * Gratuitous ARPs from one MAC within `gratuitousWindowSeconds` that make a flood. RFC 5227 §1.1
   * has a host announce an address ANNOUNCE_NUM = 2 times, ANNOUNCE_INTERVAL = 2 s apart, and DHCP
   * clients and failover pairs add one or two more: 10 is well past any honest announcement.
   */
  readonly gratuitousPerWindow: number;
  readonly gratuitousWindowSeconds: number;
  /**
   * Replies from one MAC that answered no request seen within `requestMatchSeconds`. arpspoof
   * re-poisons every 2 s (30 per minute); a host at boot sends at most a few: 10 in 60 s separates them.
   */
  readonly unsolicitedPerWindow: number;
  readonly unsolicitedWindowSeconds: number;
  /** A reply answers a request seen this long before it; ARP answers in milliseconds, 5 s is generous. */
  readonly requestMatchSeconds: number;
  /** After a report for a key, the same key stays quiet this long (the incident book grows the alert). */
  readonly cooldownSeconds: number;
  /** Caps on the IP→MAC bindings, pending requests and per-MAC counters kept (oldest dropped first). */
  readonly maxBindings: number;
  readonly maxPendingRequests: number;
  readonly maxSenders: number;
}

export const ARP_SPOOF_DEFAULTS: ArpSpoofThresholds = {
  gratuitousPerWindow: 10,
  gratuitousWindowSeconds: 10,
  unsolicitedPerWindow: 10,
  unsolicitedWindowSeconds: 60,
  requestMatchSeconds: 5,
  cooldownSeconds: 60,
  maxBindings: 65_536,
  maxPendingRequests: 65_536,
  maxSenders: 16_384,
};

export interface ArpSpoofOptions extends Partial<ArpSpoofThresholds> {
  /** Gateway IPv4 addresses as text: a flip of one of these is critical (all traffic off the LAN). */
  readonly gateways?: readonly string[];
}

interface Binding {
  mac: number;
  /** Times this IP's MAC changed. */
  flips: number;
  /** MACs seen claiming it, for evidence (first few only). */
  macs: number[];
}

const KIND: AlertKind = 'arp_spoof';
const NAME = 'rule:arp_spoof';
const MAX_EVIDENCE_MACS = 8;

function ipFromText(text: string): number {
  return text.split('.').reduce((word, octet) => word * 256 + Number(octet), 0);
}

export class ArpSpoofDetector implements Detector {
  readonly name = NAME;
  private readonly limits: ArpSpoofThresholds;
  private readonly gateways: ReadonlySet<number>;
  private readonly bindings: BoundedMap<number, Binding>;
  /** "asker>asked" (text: two uint32s do not fit one float64 exactly) to when the request was seen. */
  private readonly pending: BoundedMap<string, number>;
  /** Gratuitous ARPs and unsolicited replies per sender MAC. */
  private readonly gratuitous: WindowCounter<number>;
  private readonly unsolicited: WindowCounter<number>;
  /** Per "reason:mac", so a flood reports once per cooldown rather than per packet. */
  private readonly cooldown: Cooldown<string>;

  constructor(
    private readonly emit: DetectionSink,
    options: ArpSpoofOptions = {},
  ) {
    this.limits = { ...ARP_SPOOF_DEFAULTS, ...options };
    this.gateways = new Set((options.gateways ?? []).map(ipFromText));
    const limits = this.limits;
    this.bindings = new BoundedMap(limits.maxBindings);
    this.pending = new BoundedMap(limits.maxPendingRequests);
    this.gratuitous = new WindowCounter({ windowSeconds: limits.gratuitousWindowSeconds, maxKeys: limits.maxSenders });
    this.unsolicited = new WindowCounter({
      windowSeconds: limits.unsolicitedWindowSeconds,
      maxKeys: limits.maxSenders,
    });
    this.cooldown = new Cooldown(limits.cooldownSeconds, limits.maxSenders);
  }

  /** Entries held across all tables, for tests and memory checks. */
  get size(): number {
    return this.bindings.size + this.pending.size + this.gratuitous.table.size + this.unsolicited.table.size;
  }

  onPacket(packet: Packet, _result: DecodeResult, _frame: FrameRef): void {
    if (packet.l3 !== L3.ARP || packet.depth < LAYER.NETWORK) return;
    const t = packetTime(packet);
    const op = packet.arpOperation;
    const senderIp = packet.arpSenderIp >>> 0;
    const targetIp = packet.arpTargetIp >>> 0;
    const mac = packet.arpSenderMac;
    // An ARP probe (RFC 5227 §2.1.1) has sender IP 0.0.0.0: it claims nothing.
    if (senderIp === 0) return;

    if (senderIp === targetIp) {
      this.countGratuitous(mac, senderIp, t);
    } else if (op === ARP_REQUEST) {
      this.pending.set(`${senderIp}>${targetIp}`, t);
    } else if (op === ARP_REPLY) {
      const asked = this.pending.get(`${targetIp}>${senderIp}`);
      if (asked === undefined || t - asked > this.limits.requestMatchSeconds) this.countUnsolicited(mac, senderIp, t);
    }
    if (op === ARP_REQUEST || op === ARP_REPLY) this.bind(senderIp, mac, t);
  }

  /** Records that `ip` is claimed by `mac`; a different MAC than before is a flip. */
  private bind(ip: number, mac: number, t: number): void {
    const binding = this.bindings.get(ip);
    if (binding === undefined) {
      this.bindings.set(ip, { mac, flips: 0, macs: [mac] });
      return;
    }
    const previous = binding.mac;
    if (previous === mac) return;
    binding.mac = mac;
    binding.flips += 1;
    if (!binding.macs.includes(mac) && binding.macs.length < MAX_EVIDENCE_MACS) binding.macs.push(mac);
    if (!this.cooldown.tryFire(`binding:${ip}`, t)) return;
    const gateway = this.gateways.has(ip);
    const ipText = ipv4ToString(ip);
    this.emit({
      kind: KIND,
      // A gateway's binding carries every off-LAN packet; a flip back and forth is active poisoning.
      severity: gateway ? 'critical' : binding.flips > 1 ? 'high' : 'medium',
      src: this.ownAddressOf(mac, ip),
      dst: ipText,
      firstSeen: t,
      lastSeen: t,
      score: Math.min(1, 0.5 + 0.1 * binding.flips + (gateway ? 0.3 : 0)),
      detector: NAME,
      summary:
        `${ipText}${gateway ? ' (gateway)' : ''} moved from MAC ${macToString(previous)} to ${macToString(mac)}` +
        ` (${binding.flips} change${binding.flips === 1 ? '' : 's'}, ${binding.macs.length} MACs claimed it).`,
      evidence: {
        reason: 'binding_changed',
        ip: ipText,
        previousMac: macToString(previous),
        mac: macToString(mac),
        flips: binding.flips,
        macs: binding.macs.map(macToString),
        gateway,
      },
    });
  }

  private countGratuitous(mac: number, ip: number, t: number): void {
    const { gratuitousPerWindow, gratuitousWindowSeconds } = this.limits;
    const w = this.gratuitous.add(mac, t);
    if (w.count < gratuitousPerWindow || !this.cooldown.tryFire(`gratuitous:${mac}`, t)) return;
    const macText = macToString(mac);
    this.emit({
      kind: KIND,
      severity: severityOver(w.count, gratuitousPerWindow, 'medium'),
      src: this.ownAddressOf(mac, ip),
      dst: ipv4ToString(ip),
      firstSeen: w.firstSeen,
      lastSeen: t,
      score: scoreOver(w.count, gratuitousPerWindow),
      detector: NAME,
      summary: `MAC ${macText} sent ${w.count} gratuitous ARPs within ${gratuitousWindowSeconds} s (threshold ${gratuitousPerWindow}).`,
      evidence: { reason: 'gratuitous_flood', mac: macText, count: w.count, windowSeconds: gratuitousWindowSeconds },
    });
  }

  private countUnsolicited(mac: number, ip: number, t: number): void {
    const { unsolicitedPerWindow, unsolicitedWindowSeconds } = this.limits;
    const w = this.unsolicited.add(mac, t);
    if (w.count < unsolicitedPerWindow || !this.cooldown.tryFire(`unsolicited:${mac}`, t)) return;
    const macText = macToString(mac);
    const ipText = ipv4ToString(ip);
    this.emit({
      kind: KIND,
      severity: severityOver(w.count, unsolicitedPerWindow, 'high'),
      src: this.ownAddressOf(mac, ip),
      dst: ipText,
      firstSeen: w.firstSeen,
      lastSeen: t,
      score: scoreOver(w.count, unsolicitedPerWindow),
      detector: NAME,
      summary:
        `MAC ${macText} sent ${w.count} ARP replies claiming ${ipText} that answered no request` +
        ` within ${unsolicitedWindowSeconds} s (threshold ${unsolicitedPerWindow}).`,
      evidence: {
        reason: 'unsolicited_replies',
        mac: macText,
        ip: ipText,
        count: w.count,
        windowSeconds: unsolicitedWindowSeconds,
      },
    });
  }
  /**
   * The address `mac` holds besides the one it claims (`claimed`): a poisoner also answers for its
   * own IP, which names the attacker. Null when it has none on record. A scan of the bindings, made
   * only when reporting.
   */
  private ownAddressOf(mac: number, claimed: number): string | null {
    for (const [ip, binding] of this.bindings.entries()) {
      if (ip !== claimed && binding.mac === mac && binding.flips === 0) return ipv4ToString(ip);
    }
    return null;
  }
}

/** Factory with thresholds overridable through `options` (defaults: ARP_SPOOF_DEFAULTS). */
export function arpSpoofRule(options: ArpSpoofOptions = {}): DetectorFactory {
  return (emit) => new ArpSpoofDetector(emit, options);
}

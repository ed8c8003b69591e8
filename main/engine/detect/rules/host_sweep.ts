/**
 * host_sweep: one source probing many hosts — ICMP echo (ping sweep), TCP SYN to one port on many
 * hosts, ARP who-has across a subnet (nmap -sn on a LAN uses ARP). Counts distinct targets per
 * source and probe type over a window; targets that answer stop counting (an echo reply, a SYN-ACK,
 * an ARP reply), so a monitoring host pinging live machines, a router refreshing its neighbours or
 * a browser opening connections to many web servers never adds up, while a sweep — most of whose
 * probes land on addresses where nothing answers — does. The same negative-response idea as Snort 3's
 * port_scan, turned around.
 *
 * Not covered: a sweep of a subnet where every host answers (the answers cancel the probes), and UDP
 * sweeps (a DNS resolver talks to many servers by design).
 */
import type { DecodeResult } from '../../decode/result';
import type { Packet } from '../../decode/packet';
import { IPPROTO, L3, LAYER, TCP_FLAG } from '../../decode/packet';
import type { FrameRef } from '../../pipeline';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import type { AddressKey } from '../support/address-key';
import { addressText, dstKey, serviceAddressText, serviceKey, srcKey } from '../support/address-key';
import { Cooldown } from '../support/cooldown';
import type { DistinctSet } from '../support/distinct-counter';
import { DistinctCounter } from '../support/distinct-counter';
import { isGroupDestination } from '../support/multicast';
import { packetTime } from '../support/packet-time';
import { scoreOver, severityOver } from '../support/severity';

export interface HostSweepThresholds {
  readonly windowSeconds: number;
  /** Distinct unanswered hosts pinged by one source within the window. */
  readonly icmpTargets: number;
  /** Distinct unanswered hosts sent a SYN to the same port by one source within the window. */
  readonly tcpTargets: number;
  /** Distinct unanswered addresses ARPed for by one sender within the window. */
  readonly arpTargets: number;
  readonly cooldownSeconds: number;
  /** Most sweeping sources (per probe type) tracked. */
  readonly maxSources: number;
  /** Most distinct targets kept per source; the count saturates there. */
  readonly maxTargetsPerSource: number;
}

/**
 * - windowSeconds 60: Snort's portscan2 default timeout, as port_scan's fast window.
 * - icmpTargets 10: Snort's portscan2 counts 5 targets in 60 s as a sweep; with answered hosts
 *   excluded, 10 unanswered pings to distinct hosts in a minute is past anything a person or a
 *   monitor does (a person pings one host; a monitor's hosts answer). nmap -sn pings 256 hosts in
 *   seconds.
 * - tcpTargets 20: clients connect to many servers (a web page pulls from a dozen hosts), but those
 *   answer; 20 distinct hosts not answering SYNs to one port within a minute is a sweep (masscan,
 *   nmap -PS, worms).
 * - arpTargets 20: a router re-resolves its neighbours all the time, but they reply; 20 unanswered
 *   who-has in a minute from one sender is a sweep of empty addresses.
 * - cooldownSeconds 60; 4096 sources × 512 targets each bounds memory.
 */
export const HOST_SWEEP_DEFAULTS: HostSweepThresholds = {
  windowSeconds: 60,
  icmpTargets: 10,
  tcpTargets: 20,
  arpTargets: 20,
  cooldownSeconds: 60,
  maxSources: 4096,
  maxTargetsPerSource: 512,
};

type ProbeType = 'icmp-echo' | 'tcp-syn' | 'arp';

const ARP_REQUEST = 1;
const ARP_REPLY = 2;
const { SYN, ACK, RST } = TCP_FLAG;

export class HostSweepDetector implements Detector {
  readonly name = 'rule:host_sweep';
  /** Per source: distinct hosts pinged. */
  readonly icmp: DistinctCounter<AddressKey, AddressKey>;
  /** Per (source, port) as a service key: distinct hosts sent a SYN. */
  readonly tcp: DistinctCounter<AddressKey, AddressKey>;
  /** Per sender IPv4 address: distinct addresses asked for. */
  readonly arp: DistinctCounter<number, number>;
  private readonly cooldown: Cooldown<string>;

  constructor(
    private readonly emit: DetectionSink,
    readonly thresholds: HostSweepThresholds = HOST_SWEEP_DEFAULTS,
  ) {
    const options = {
      windowSeconds: thresholds.windowSeconds,
      maxKeys: thresholds.maxSources,
      maxValuesPerKey: thresholds.maxTargetsPerSource,
    };
    this.icmp = new DistinctCounter(options);
    this.tcp = new DistinctCounter(options);
    this.arp = new DistinctCounter(options);
    this.cooldown = new Cooldown(thresholds.cooldownSeconds, thresholds.maxSources * 3);
  }

  onPacket(packet: Packet, _result: DecodeResult, _frame: FrameRef): void {
    if (packet.l3 === L3.ARP) {
      this.onArp(packet);
      return;
    }
    if (packet.depth < LAYER.TRANSPORT || (packet.l3 !== L3.IPV4 && packet.l3 !== L3.IPV6)) return;
    const protocol = packet.protocol;
    if (protocol === IPPROTO.TCP) this.onTcp(packet);
    else if (protocol === IPPROTO.ICMP || protocol === IPPROTO.ICMPV6) this.onIcmp(packet);
  }

  private onIcmp(packet: Packet): void {
    const v6 = packet.l3 === L3.IPV6;
    const type = packet.icmpType;
    if (type === (v6 ? 129 : 0)) {
      // An echo reply: the prober (its destination) got an answer from this host.
      this.icmp.peek(dstKey(packet))?.forget(srcKey(packet));
      return;
    }
    if (type !== (v6 ? 128 : 8) || isGroupDestination(packet)) return;
    const src = srcKey(packet);
    const time = packetTime(packet);
    const set = this.icmp.add(src, dstKey(packet), time);
    if (set.size >= this.thresholds.icmpTargets) this.maybeReport('icmp-echo', src, undefined, set, time);
  }

  private onTcp(packet: Packet): void {
    const flags = packet.tcpFlags & (SYN | ACK | RST);
    if (flags === (SYN | ACK)) {
      this.tcp.peek(serviceKey(dstKey(packet), packet.srcPort))?.forget(srcKey(packet));
      return;
    }
    if (flags !== SYN || isGroupDestination(packet)) return;
    const src = srcKey(packet);
    const key = serviceKey(src, packet.dstPort);
    const time = packetTime(packet);
    const set = this.tcp.add(key, dstKey(packet), time);
    if (set.size >= this.thresholds.tcpTargets) this.maybeReport('tcp-syn', key, packet.dstPort, set, time);
  }

  private onArp(packet: Packet): void {
    const sender = packet.arpSenderIp;
    const target = packet.arpTargetIp;
    if (packet.arpOperation === ARP_REPLY) {
      this.arp.peek(target)?.forget(sender);
      return;
    }
    // Gratuitous ARP (sender = target) announces; an ARP probe (sender 0.0.0.0, RFC 5227) checks
    // for conflicts before taking an address. Neither looks for hosts.
    if (packet.arpOperation !== ARP_REQUEST || sender === 0 || sender === target) return;
    const time = packetTime(packet);
    const set = this.arp.add(sender, target, time);
    if (set.size >= this.thresholds.arpTargets) this.maybeReport('arp', sender, undefined, set, time);
  }

  private maybeReport(
    probe: ProbeType,
    key: AddressKey,
    port: number | undefined,
    set: DistinctSet<AddressKey>,
    time: number,
  ): void {
    if (!this.cooldown.tryFire(`${probe}|${key}`, time)) return;
    const t = this.thresholds;
    const threshold = probe === 'icmp-echo' ? t.icmpTargets : probe === 'tcp-syn' ? t.tcpTargets : t.arpTargets;
    const src = port === undefined ? addressText(key) : serviceAddressText(key);
    const count = set.size;
    const capped = count >= t.maxTargetsPerSource;
    const what = probe === 'icmp-echo' ? 'pinged' : probe === 'arp' ? 'ARPed for' : `sent SYNs to port ${port ?? 0} on`;
    this.emit({
      kind: 'host_sweep',
      severity: severityOver(count, threshold, 'low'),
      src,
      dst: null,
      firstSeen: set.firstSeen,
      lastSeen: set.latest,
      score: scoreOver(count, threshold),
      detector: this.name,
      summary: `${src} ${what} ${capped ? 'at least ' : ''}${count} hosts that did not answer within ${t.windowSeconds} s`,
      evidence: {
        probe,
        ...(port === undefined ? {} : { port }),
        targets: count,
        targetsCapped: capped,
        sampleTargets: set.sample(20).map(addressText),
        probes: set.events,
        windowSeconds: t.windowSeconds,
        threshold,
      },
    });
  }
}

/** A host_sweep factory; `options` override HOST_SWEEP_DEFAULTS. */
export function hostSweepRule(options: Partial<HostSweepThresholds> = {}): DetectorFactory {
  const thresholds = { ...HOST_SWEEP_DEFAULTS, ...options };
  return (emit) => new HostSweepDetector(emit, thresholds);
}

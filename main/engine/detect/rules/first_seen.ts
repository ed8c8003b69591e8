/**
 * FirstSeenDetector: a host, or a service on a host, that the kept baseline of this network has
 * never seen (GlassWire's and Little Snitch's "new device / new listener" alerts). A new machine on
 * the LAN or a port that starts answering (a backdoor, a forgotten test server) is worth a look
 * even when nothing about its traffic is otherwise wrong.
 *
 * The baseline comes from the caller; without one the detector stays off, since everything would
 * be new. Storing and growing the baseline (learning mode, persistence) is not this file's job.
 */
import type { DecodeResult } from '../../decode';
import { IPPROTO, L3, LAYER, TCP_FLAG, type Packet } from '../../decode/packet';
import type { FrameRef } from '../../pipeline';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import { addressText, BoundedMap, packetTime, srcKey, WindowCounter, type AddressKey } from '../support';

/** A service: a transport port answering on an address. */
export interface ServiceRef {
  /** Address text as Wirewatch writes it (dotted quad, RFC 5952 IPv6). */
  readonly address: string;
  readonly protocol: 'tcp' | 'udp';
  readonly port: number;
}

/** What this network is known to have: the kept baseline, however it is stored. */
export interface Baseline {
  knowsHost(address: string): boolean;
  knowsService(service: ServiceRef): boolean;
}

/** A Baseline from plain lists (services as "10.0.0.2 tcp/22"), for the CLI, settings and tests. */
export function baselineFromLists(hosts: Iterable<string>, services: Iterable<ServiceRef>): Baseline {
  const hostSet = new Set(hosts);
  const serviceSet = new Set([...services].map(serviceText));
  return {
    knowsHost: (address) => hostSet.has(address),
    knowsService: (service) => serviceSet.has(serviceText(service)),
  };
}

function serviceText(service: ServiceRef): string {
  return `${service.address} ${service.protocol}/${service.port}`;
}

export interface FirstSeenThresholds {
  /**
   * Only addresses in private ranges (RFC 1918, RFC 6598 shared space, link-local RFC 3927 / RFC
   * 4291, unique-local RFC 4193) count as hosts of this network; otherwise every web server a user
   * visits would be "new".
   */
  readonly localOnly: boolean;
  /**
   * UDP counts as a service answering when it leaves a well-known port (≤ 1023, IANA's system
   * ports, RFC 6335 §6) toward a higher one: a server's reply to a client, not a client's own port.
   */
  readonly maxUdpServicePort: number;
  /**
   * Reports per `rateWindowSeconds` before further novelties are only counted: a spoofed flood of
   * local-looking sources must not become ten thousand alerts. 20 a minute covers a real network
   * event (a new subnet coming up) while bounding a storm.
   */
  readonly maxReportsPerWindow: number;
  readonly rateWindowSeconds: number;
  /**
   * Hosts and services remembered as already judged (least recently used forgotten beyond). Each
   * novelty is reported once while remembered; one forgotten under a flood of new addresses may be
   * reported again when it next appears, which the incident book folds into the same alert.
   */
  readonly maxRemembered: number;
}

export const FIRST_SEEN_DEFAULTS: FirstSeenThresholds = {
  localOnly: true,
  maxUdpServicePort: 1023,
  maxReportsPerWindow: 20,
  rateWindowSeconds: 60,
  maxRemembered: 65_536,
};

export interface FirstSeenOptions extends Partial<FirstSeenThresholds> {
  /** The kept baseline; without it the detector does nothing. */
  readonly baseline?: Baseline;
}

const NAME = 'rule:first_seen';
const SYN_ACK = TCP_FLAG.SYN | TCP_FLAG.ACK;

/** True for IPv4 private, shared, loopback and link-local space. */
function isLocalIpv4(a: number): boolean {
  return (
    a >>> 24 === 10 || // 10/8, RFC 1918
    a >>> 20 === 0xac1 || // 172.16/12, RFC 1918
    a >>> 16 === 0xc0a8 || // 192.168/16, RFC 1918
    a >>> 22 === 0x191 || // 100.64/10, RFC 6598
    a >>> 16 === 0xa9fe // 169.254/16, RFC 3927
  );
}

/** True for IPv6 unique-local (fc00::/7) and link-local (fe80::/10), from the first word. */
function isLocalIpv6(word0: number): boolean {
  return word0 >>> 25 === 0x7e || word0 >>> 22 === 0x3fa;
}

export class FirstSeenDetector implements Detector {
  readonly name = NAME;
  private readonly limits: FirstSeenThresholds;
  private readonly baseline: Baseline | undefined;
  /** Hosts (address keys) and services (numeric or text keys) already judged. */
  private readonly judged: BoundedMap<AddressKey, boolean>;
  private readonly reports: WindowCounter<number>;
  /** Novelties counted but not reported because of the rate cap, since the last report. */
  private suppressed = 0;

  constructor(
    private readonly emit: DetectionSink,
    options: FirstSeenOptions = {},
  ) {
    this.limits = { ...FIRST_SEEN_DEFAULTS, ...options };
    this.baseline = options.baseline;
    this.judged = new BoundedMap(this.limits.maxRemembered);
    this.reports = new WindowCounter({ windowSeconds: this.limits.rateWindowSeconds, maxKeys: 1 });
  }

  /** Hosts and services remembered, for memory checks. */
  get size(): number {
    return this.judged.size;
  }

  onPacket(packet: Packet, _result: DecodeResult, _frame: FrameRef): void {
    const baseline = this.baseline;
    if (baseline === undefined || packet.depth < LAYER.NETWORK) return;
    const v6 = packet.l3 === L3.IPV6;
    if (!v6 && packet.l3 !== L3.IPV4) return;
    const word0 = packet.src[0] ?? 0;
    if (this.limits.localOnly && !(v6 ? isLocalIpv6(word0) : isLocalIpv4(word0))) return;

    const host = srcKey(packet);
    if (!this.judged.has(host)) {
      this.judged.set(host, true);
      const address = addressText(host);
      if (!baseline.knowsHost(address)) this.report(packet, address, undefined);
    }

    const protocol = this.answeringProtocol(packet);
    if (protocol === undefined) return;
    const port = packet.srcPort;
    const protoBit = protocol === 'tcp' ? 0 : 1;
    // IPv4: address (32 bits), protocol (1) and port (16) in one exact float; IPv6: text.
    const key = typeof host === 'number' ? host * 0x2_0000 + protoBit * 0x1_0000 + port : `${host} ${protocol}/${port}`;
    if (this.judged.has(key)) return;
    this.judged.set(key, true);
    const service: ServiceRef = { address: addressText(host), protocol, port };
    if (!baseline.knowsService(service)) this.report(packet, service.address, service);
  }

  /** 'tcp' or 'udp' when the packet is a service answering from its port; otherwise undefined. */
  private answeringProtocol(packet: Packet): 'tcp' | 'udp' | undefined {
    if (packet.depth < LAYER.TRANSPORT) return undefined;
    if (packet.protocol === IPPROTO.TCP) return (packet.tcpFlags & SYN_ACK) === SYN_ACK ? 'tcp' : undefined;
    if (packet.protocol !== IPPROTO.UDP) return undefined;
    const limit = this.limits.maxUdpServicePort;
    return packet.srcPort !== 0 && packet.srcPort <= limit && packet.dstPort > limit ? 'udp' : undefined;
  }

  private report(packet: Packet, address: string, service: ServiceRef | undefined): void {
    const t = packetTime(packet);
    const tally = this.reports.add(0, t);
    if (tally.count > this.limits.maxReportsPerWindow) {
      this.suppressed += 1;
      return;
    }
    const suppressed = this.suppressed;
    this.suppressed = 0;
    const what = service === undefined ? `host ${address}` : `${service.protocol}/${service.port} on ${address}`;
    this.emit({
      kind: 'first_seen',
      // A new listener is a likelier intrusion sign (a backdoor) than a new device joining.
      severity: service === undefined ? 'low' : 'medium',
      src: address,
      dst: null,
      firstSeen: t,
      lastSeen: t,
      score: service === undefined ? 0.5 : 0.6,
      detector: NAME,
      summary:
        service === undefined
          ? `New ${what} appeared: it is not in this network's baseline.`
          : `New service ${what} answered a connection: it is not in this network's baseline.`,
      evidence: {
        novelty: service === undefined ? 'host' : 'service',
        address,
        ...(service === undefined ? {} : { protocol: service.protocol, port: service.port }),
        suppressedBefore: suppressed,
      },
    });
  }
}

/** Factory; the detector is off unless `options.baseline` is given (defaults: FIRST_SEEN_DEFAULTS). */
export function firstSeenRule(options: FirstSeenOptions = {}): DetectorFactory {
  return (emit) => new FirstSeenDetector(emit, options);
}

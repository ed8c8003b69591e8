/**
 * malformed: packets whose bytes contradict themselves or abuse corners of IP, grouped per source and
 * rate-limited. Each check carries a weight; a source is reported when its weighted count within the
 * window reaches the threshold, then at most once per cooldown. Single packets that only make sense
 * as attacks (LAND, ping of death, overlapping TCP fragments) weigh the whole threshold at once;
 * decode errors and IP options, which a broken NIC or an old stack also produce, need a pattern.
 *
 * Checks:
 * - decode-error: the decoder found a header cut short or inconsistent (DECODE codes, isMalformed)
 *   in a frame that was captured whole; when the capture's snap length cut the frame (caplen <
 *   wirelen) truncation is the capture's doing, not the sender's, and is not counted.
 * - ip-options: IPv4 options (source routing, record route, timestamps) other than IGMP's Router
 *   Alert; RFC 7126 §4 recommends dropping most of them, and ordinary hosts never send them.
 * - tiny-fragment: a first TCP fragment too short to hold the TCP header (RFC 1858 §3.1), used to
 *   slip flags past filters.
 * - overlapping-fragment: a TCP fragment at offset 8 bytes (fragment offset 1), which can only
 *   rewrite the first fragment's header (RFC 1858 §3.2 says drop it).
 * - oversized-fragment: offset plus length past 65 535 bytes, the ping of death (CVE-1999-0128).
 * - land: a TCP SYN from an address and port to the same address and port (CVE-1999-0016).
 * - oversized-frame: a frame longer than any IP packet plus a generous link header (65 535 + 64
 *   bytes); offload on the capturing host (GRO) stays within 64 KiB plus Ethernet.
 * - caplen-over-wirelen: more bytes captured than were on the wire: a corrupt capture record.
 */
import { DECODE_RESULT_COUNT, DECODE_RESULT_NAMES, isMalformed } from '../../decode/result';
import type { DecodeResult } from '../../decode/result';
import type { Packet } from '../../decode/packet';
import { IPPROTO, L3, LAYER, TCP_FLAG } from '../../decode/packet';
import { SEVERITIES } from '../../../../preload/api/alerts';
import type { Severity } from '../../../../preload/api/alerts';
import type { FrameRef } from '../../pipeline';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import type { AddressKey } from '../support/address-key';
import { addressText, srcKey } from '../support/address-key';
import { BoundedMap } from '../support/bounded-map';
import { Cooldown } from '../support/cooldown';
import { packetTime } from '../support/packet-time';
import { scoreOver } from '../support/severity';
import { WindowCounter } from '../support/window-counter';

export interface MalformedThresholds {
  readonly windowSeconds: number;
  /** Weighted findings from one source within the window that make a report. */
  readonly points: number;
  readonly cooldownSeconds: number;
  readonly maxSources: number;
}

/**
 * - windowSeconds 60, points 10: ten decode errors a minute from one sender is a pattern (a fuzzer,
 *   a crafting tool, a broken stack), where one is noise (a bit flip the checksum would also catch).
 * - cooldownSeconds 300: a malformed-packet stream is one finding; five minutes between reports
 *   keeps a fuzzing run to a handful of detections.
 */
export const MALFORMED_DEFAULTS: MalformedThresholds = {
  windowSeconds: 60,
  points: 10,
  cooldownSeconds: 300,
  maxSources: 4096,
};

/** Checks in evidence order, with their weight in points and the severity each implies. */
export const MALFORMED_CHECKS = [
  { name: 'decode-error', points: 1, severity: 'low' },
  { name: 'ip-options', points: 1, severity: 'low' },
  { name: 'caplen-over-wirelen', points: 1, severity: 'low' },
  { name: 'oversized-frame', points: 1, severity: 'low' },
  { name: 'tiny-fragment', points: 10, severity: 'medium' },
  { name: 'overlapping-fragment', points: 10, severity: 'high' },
  { name: 'oversized-fragment', points: 10, severity: 'high' },
  { name: 'land', points: 10, severity: 'high' },
] as const satisfies readonly { name: string; points: number; severity: Severity }[];

const CHECK = {
  DECODE_ERROR: 0,
  IP_OPTIONS: 1,
  CAPLEN_OVER_WIRELEN: 2,
  OVERSIZED_FRAME: 3,
  TINY_FRAGMENT: 4,
  OVERLAPPING_FRAGMENT: 5,
  OVERSIZED_FRAGMENT: 6,
  LAND: 7,
} as const;

const IGMP = 2;
const MAX_IP_PACKET = 65_535;
const MAX_LINK_HEADER = 64;
const TCP_MIN_HEADER = 20;
/** Key for frames with no network-layer source (cut before the IP header). */
const UNKNOWN_SOURCE = -1;

/** What one source did since its last report. */
interface SourceFindings {
  readonly checks: Float64Array;
  readonly results: Float64Array;
}

export class MalformedDetector implements Detector {
  readonly name = 'rule:malformed';
  readonly points: WindowCounter<AddressKey>;
  readonly findings: BoundedMap<AddressKey, SourceFindings>;
  private readonly cooldown: Cooldown<AddressKey>;
  /** Findings of the current packet, by check index (reused). */
  private readonly hits = new Uint8Array(MALFORMED_CHECKS.length);

  constructor(
    private readonly emit: DetectionSink,
    readonly thresholds: MalformedThresholds = MALFORMED_DEFAULTS,
  ) {
    this.points = new WindowCounter({ windowSeconds: thresholds.windowSeconds, maxKeys: thresholds.maxSources });
    this.findings = new BoundedMap(thresholds.maxSources);
    this.cooldown = new Cooldown(thresholds.cooldownSeconds, thresholds.maxSources);
  }

  onPacket(packet: Packet, result: DecodeResult, _frame: FrameRef): void {
    if (!mayFail(packet, result)) return;
    const hits = this.hits;
    hits.fill(0);
    let any = false;
    if (isMalformed(result) && packet.caplen >= packet.wirelen) any = mark(hits, CHECK.DECODE_ERROR);
    if (packet.caplen > packet.wirelen) any = mark(hits, CHECK.CAPLEN_OVER_WIRELEN);
    if (packet.wirelen > MAX_IP_PACKET + MAX_LINK_HEADER) any = mark(hits, CHECK.OVERSIZED_FRAME);
    const ip = packet.depth >= LAYER.NETWORK && (packet.l3 === L3.IPV4 || packet.l3 === L3.IPV6);
    if (ip && this.checkIp(packet, hits)) any = true;
    if (!any) return;

    const source: AddressKey = ip ? srcKey(packet) : packet.l3 === L3.ARP ? packet.arpSenderIp : UNKNOWN_SOURCE;
    let findings = this.findings.get(source);
    if (findings === undefined) {
      findings = { checks: new Float64Array(MALFORMED_CHECKS.length), results: new Float64Array(DECODE_RESULT_COUNT) };
      this.findings.set(source, findings);
    }
    let points = 0;
    for (let check = 0; check < hits.length; check++) {
      if (hits[check] === 0) continue;
      findings.checks[check] = (findings.checks[check] ?? 0) + 1;
      points += MALFORMED_CHECKS[check]?.points ?? 0;
    }
    if (hits[CHECK.DECODE_ERROR] === 1) findings.results[result] = (findings.results[result] ?? 0) + 1;
    const time = packetTime(packet);
    const tally = this.points.add(source, time, points);
    if (tally.sum < this.thresholds.points || !this.cooldown.tryFire(source, time)) return;
    this.report(source, findings, tally.sum, tally.firstSeen, tally.lastSeen);
    findings.checks.fill(0);
    findings.results.fill(0);
  }

  /** Marks the IP-level checks the packet fails; true when any. */
  private checkIp(packet: Packet, hits: Uint8Array): boolean {
    let any = false;
    const tcp = packet.protocol === IPPROTO.TCP;
    if (packet.l3 === L3.IPV4 && packet.ipOptions && packet.protocol !== IGMP) any = mark(hits, CHECK.IP_OPTIONS);
    const fragment = packet.moreFragments || packet.fragmentOffset > 0;
    if (fragment) {
      const payload = packet.ipLength - packet.ipHeaderLength;
      if (tcp && packet.fragmentOffset === 0 && payload < TCP_MIN_HEADER) any = mark(hits, CHECK.TINY_FRAGMENT);
      if (tcp && packet.fragmentOffset === 8) any = mark(hits, CHECK.OVERLAPPING_FRAGMENT);
      if (packet.fragmentOffset + payload > MAX_IP_PACKET) any = mark(hits, CHECK.OVERSIZED_FRAGMENT);
    }
    if (
      tcp &&
      packet.depth >= LAYER.TRANSPORT &&
      (packet.tcpFlags & (TCP_FLAG.SYN | TCP_FLAG.ACK)) === TCP_FLAG.SYN &&
      packet.srcPort === packet.dstPort &&
      sameAddress(packet)
    ) {
      any = mark(hits, CHECK.LAND);
    }
    return any;
  }

  private report(
    source: AddressKey,
    findings: SourceFindings,
    points: number,
    firstSeen: number,
    lastSeen: number,
  ): void {
    const checks: Record<string, number> = {};
    let severity: Severity = 'low';
    MALFORMED_CHECKS.forEach((check, index) => {
      const count = findings.checks[index] ?? 0;
      if (count === 0) return;
      checks[check.name] = count;
      if (SEVERITIES.indexOf(check.severity) > SEVERITIES.indexOf(severity)) severity = check.severity;
    });
    const decodeErrors: Record<string, number> = {};
    findings.results.forEach((count, code) => {
      if (count > 0) decodeErrors[DECODE_RESULT_NAMES[code] ?? 'unknown'] = count;
    });
    const packets = Object.values(checks).reduce((sum, count) => sum + count, 0);
    const src = source === UNKNOWN_SOURCE ? null : addressText(source);
    const described = Object.entries(checks)
      .map(([name, count]) => `${count} ${name}`)
      .join(', ');
    this.emit({
      kind: 'malformed',
      severity,
      src,
      dst: null,
      firstSeen,
      lastSeen,
      score: scoreOver(points, this.thresholds.points),
      detector: this.name,
      summary: `${src ?? 'Frames without a readable source'} sent ${packets} malformed or abusive packets (${described})`,
      evidence: {
        packets,
        checks,
        decodeErrors,
        points,
        threshold: this.thresholds.points,
        windowSeconds: this.thresholds.windowSeconds,
      },
    });
  }
}

/**
 * A cheap first look, true when some check might fail: nearly every packet is well-formed, unfragmented,
 * without options and not a SYN to its own port, and leaves here.
 */
function mayFail(packet: Packet, result: DecodeResult): boolean {
  return (
    isMalformed(result) ||
    packet.caplen > packet.wirelen ||
    packet.wirelen > MAX_IP_PACKET + MAX_LINK_HEADER ||
    packet.ipOptions ||
    packet.moreFragments ||
    packet.fragmentOffset > 0 ||
    (packet.srcPort === packet.dstPort && packet.protocol === IPPROTO.TCP)
  );
}

function mark(hits: Uint8Array, check: number): true {
  hits[check] = 1;
  return true;
}

function sameAddress(packet: Packet): boolean {
  const { src, dst } = packet;
  return src[0] === dst[0] && src[1] === dst[1] && src[2] === dst[2] && src[3] === dst[3];
}

/** A malformed factory; `options` override MALFORMED_DEFAULTS. */
export function malformedRule(options: Partial<MalformedThresholds> = {}): DetectorFactory {
  const thresholds = { ...MALFORMED_DEFAULTS, ...options };
  return (emit) => new MalformedDetector(emit, thresholds);
}

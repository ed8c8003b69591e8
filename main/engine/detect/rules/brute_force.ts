/**
 * BruteForceDetector: password guessing (hydra, medusa, ncrack) against login services.
 *
 * The guesses themselves are encrypted (SSH, RDP, HTTPS) or at least not decoded here, so the rule
 * counts what every guessing tool cannot hide: a burst of short sessions from one source to one
 * service on one target, each of which got an answer from the server (payload came back, so it is
 * a session, not a port probe — port_scan counts those). It reads closed flows: a guessing
 * session closes within seconds, and flows carry the duration and byte counts the rule needs.
 */
import { IPPROTO } from '../../decode/packet';
import type { FlowRecord } from '../../flows/flow-record';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import { BoundedMap, Cooldown, scoreOver, severityOver, WindowCounter } from '../support';

/** How one login service is watched. */
export interface AuthServiceThresholds {
  /** Name shown in alerts ("ssh"). */
  readonly name: string;
  /** Short sessions from one source to this service on one target, within `windowSeconds`, that make an attack. */
  readonly attempts: number;
  readonly windowSeconds: number;
  /** A session lasting longer than this is someone working, not a guess. */
  readonly maxSessionSeconds: number;
  /** When set, only sessions whose server sent at most this many payload bytes count (HTTP 401/403 pages). */
  readonly maxResponseBytes?: number;
}

/**
 * Terminal-style logins (ssh, telnet, ftp, rdp). fail2ban's defaults ban after maxretry = 5 failed
 * logins within findtime = 10 min, and Emerging Threats' "ET SCAN Potential SSH Scan" (sid 2001219)
 * fires at 5 connections in 120 s from one source. Encrypted sessions hide whether a login failed,
 * and OpenSSH allows up to MaxAuthTries = 6 guesses in one session, so a person who mistypes a
 * password retries inside the same session: 10 short sessions within ET's 120 s is double its scan
 * threshold and far beyond a person reconnecting after a typo. 30 s bounds a failed session: sshd
 * drops a rejected guesser in seconds, while a real login session lasts minutes.
 */
const TERMINAL = { attempts: 10, windowSeconds: 120, maxSessionSeconds: 30 } as const;

/**
 * HTTP auth (basic auth, login forms) on 80/443/8080. Browsers keep connections alive and open about
 * six per host, and a page's connections carry kilobytes; a guessing tool opens one fresh connection
 * per guess and gets a small 401/403/302 back. 100 connections in 60 s (well over one new connection
 * per second, sustained, from one client to one server) each answered with at most 2,000 payload
 * bytes (an error page plus headers) is automation; a polling client reuses its connection.
 */
const HTTP = { attempts: 100, windowSeconds: 60, maxSessionSeconds: 10, maxResponseBytes: 2_000 } as const;

/**
 * HTTPS as HTTP, but the server's side of every session also carries the TLS handshake: its
 * certificate chain alone is 2–6 KB, so a small answer is at most 8,000 payload bytes.
 */
const HTTPS = { ...HTTP, maxResponseBytes: 8_000 } as const;

export interface BruteForceThresholds {
  /** Watched TCP ports and how. */
  readonly services: Readonly<Record<number, AuthServiceThresholds>>;
  /** A key that fired stays quiet this long; the incident book grows the alert meanwhile. */
  readonly cooldownSeconds: number;
  /** Most source→target:service keys kept (least recently used forgotten beyond): bounds memory under spoofing. */
  readonly maxKeys: number;
}

export const BRUTE_FORCE_DEFAULTS: BruteForceThresholds = {
  services: {
    21: { name: 'ftp', ...TERMINAL },
    22: { name: 'ssh', ...TERMINAL },
    23: { name: 'telnet', ...TERMINAL },
    3389: { name: 'rdp', ...TERMINAL },
    80: { name: 'http', ...HTTP },
    443: { name: 'https', ...HTTPS },
    8080: { name: 'http-alt', ...HTTP },
  },
  cooldownSeconds: 120,
  maxKeys: 65_536,
};

/** Overrides; `services`, when given, replaces the whole table (list every port to watch). */
export type BruteForceOptions = Partial<BruteForceThresholds>;

const NAME = 'rule:brute_force';
const MAX_EVIDENCE_FLOWS = 20;

export class BruteForceDetector implements Detector {
  readonly name = NAME;
  private readonly limits: BruteForceThresholds;
  /** One WindowCounter per distinct window length, keyed "src>dst:port". */
  private readonly windows = new Map<number, WindowCounter<string>>();
  private readonly cooldown: Cooldown<string>;
  /** The first flow ids of each key's current burst, for evidence; bounded like the counters. */
  private readonly flowIds: BoundedMap<string, number[]>;

  constructor(
    private readonly emit: DetectionSink,
    options: BruteForceOptions = {},
  ) {
    this.limits = { ...BRUTE_FORCE_DEFAULTS, ...options };
    this.cooldown = new Cooldown(this.limits.cooldownSeconds, this.limits.maxKeys);
    this.flowIds = new BoundedMap(this.limits.maxKeys);
    for (const service of Object.values(this.limits.services)) {
      if (!this.windows.has(service.windowSeconds)) {
        this.windows.set(
          service.windowSeconds,
          new WindowCounter({ windowSeconds: service.windowSeconds, maxKeys: this.limits.maxKeys }),
        );
      }
    }
  }

  /** Keys held across the counters, for memory checks. */
  get size(): number {
    let keys = this.flowIds.size;
    for (const counter of this.windows.values()) keys += counter.table.size;
    return keys;
  }

  /** Flows carry everything this rule needs; packets are not looked at. */
  onPacket(): void {
    // Nothing per packet: sessions are judged whole, when their flow closes.
  }

  onFlow(flow: FlowRecord): void {
    if (flow.protocol !== IPPROTO.TCP) return;
    const service = this.limits.services[flow.dst_port];
    if (service === undefined) return;
    // A session the server answered, closed quickly; an active-timeout cut is by definition long.
    if (flow.bwd_payload_bytes <= 0 || flow.duration > service.maxSessionSeconds) return;
    if (flow.close_reason === 'active-timeout') return;
    if (service.maxResponseBytes !== undefined && flow.bwd_payload_bytes > service.maxResponseBytes) return;

    const counter = this.windows.get(service.windowSeconds);
    if (counter === undefined) return;
    const key = `${flow.src}>${flow.dst}:${flow.dst_port}`;
    const tally = counter.add(key, flow.last_seen);
    this.remember(key, flow.flow_id, tally.count === 1);
    if (tally.count < service.attempts || !this.cooldown.tryFire(key, flow.last_seen)) return;

    const flowIds = this.flowIds.get(key) ?? [];
    this.flowIds.delete(key);
    this.emit({
      kind: 'brute_force',
      severity: severityOver(tally.count, service.attempts, 'high'),
      src: flow.src,
      dst: flow.dst,
      firstSeen: tally.firstSeen,
      lastSeen: tally.lastSeen,
      score: scoreOver(tally.count, service.attempts),
      detector: NAME,
      summary:
        `${flow.src} made ${tally.count} short ${service.name} sessions to ${flow.dst}:${flow.dst_port}` +
        ` within ${service.windowSeconds} s (threshold ${service.attempts}).`,
      evidence: {
        attempts: tally.count,
        service: service.name,
        port: flow.dst_port,
        windowSeconds: service.windowSeconds,
        maxSessionSeconds: service.maxSessionSeconds,
        flowIds,
      },
    });
  }

  /** Keeps the first few flow ids of a key's current burst; a fresh window starts a fresh list. */
  private remember(key: string, flowId: number, fresh: boolean): void {
    let flowIds = this.flowIds.get(key);
    if (flowIds === undefined || fresh) {
      flowIds = [];
      this.flowIds.set(key, flowIds);
    }
    if (flowIds.length < MAX_EVIDENCE_FLOWS) flowIds.push(flowId);
  }
}

/** Factory with thresholds overridable through `options` (defaults: BRUTE_FORCE_DEFAULTS). */
export function bruteForceRule(options: BruteForceOptions = {}): DetectorFactory {
  return (emit) => new BruteForceDetector(emit, options);
}

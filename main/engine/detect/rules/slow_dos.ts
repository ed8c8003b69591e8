/**
 * SlowDosDetector: slow HTTP denial of service (slowloris, slowhttptest, R.U.D.Y.).
 *
 * These attacks exhaust a web server's connection slots rather than its bandwidth: one client opens
 * many connections and keeps each alive by sending a header line (or a body byte) every 10–15 s,
 * never finishing the request, so the server never answers and never frees the slot. slowhttptest's
 * default follow-up interval is 10 s and slowloris.py's 15 s. The rule therefore follows open TCP
 * connections to web ports packet by packet (a slow connection may never close while we watch, so
 * closed flows would come too late) and, per client→server:port, counts those that are old, near
 * idle, and still unanswered by the server.
 */
import type { DecodeResult } from '../../decode';
import { IPPROTO, LAYER, TCP_FLAG, type Packet } from '../../decode/packet';
import type { FrameRef } from '../../pipeline';
import type { DetectionSink } from '../detection';
import type { Detector, DetectorFactory } from '../detector';
import { addressText, BoundedMap, Cooldown, dstKey, packetTime, scoreOver, severityOver, srcKey } from '../support';

export interface SlowDosThresholds {
  /** Web server ports watched. */
  readonly ports: readonly number[];
  /**
   * Slow connections from one client to one server:port that make an attack. Browsers open at most
   * six connections per host (the HTTP/1.1 convention since RFC 7230 dropped the old limit of two);
   * slowhttptest opens 50 by default and slowloris.py 150, and a server runs out of workers at a few
   * hundred (Apache's MaxRequestWorkers defaults to 150–400). 30 is five times a browser and under
   * every tool's default.
   */
  readonly minConnections: number;
  /**
   * A connection counts once open this long with its request unanswered. Apache's mod_reqtimeout
   * (default `header=20-40,MinRate=500`) gives a client 20 s to finish its request headers, so a
   * request still unfinished after 20 s is one a hardened server would already have dropped; it is
   * also two follow-up intervals of slowhttptest (10 s). Not 30 s: slowhttptest's follow-ups come at
   * exactly 10, 20, 30 s after the connect, so a 30 s test never shows a connection older than 30 s
   * until it closes.
   */
  readonly minAgeSeconds: number;
  /**
   * …and while its client sent at most this many payload bytes per second over its life. slowloris
   * sends ~20 bytes per 15 s (under 2 B/s); a client that uploads or sends a request at human pace
   * on a kept-alive connection exceeds 50 B/s at once.
   */
  readonly maxClientBytesPerSecond: number;
  /**
   * …and the server sent at most this many payload bytes: an unfinished request gets no answer. A
   * long-polling client's request is complete, so its server answers sooner or later.
   */
  readonly maxServerBytes: number;
  /** A connection with no packet for this long is dead (the flow table's idle timeout, 120 s). */
  readonly staleSeconds: number;
  /** How often, in capture seconds, a client→server pair's connections are re-counted. */
  readonly checkIntervalSeconds: number;
  /** A pair that fired stays quiet this long; the incident book grows the alert. */
  readonly cooldownSeconds: number;
  /** Open connections and client→server pairs followed (least recently used forgotten beyond). */
  readonly maxConnections: number;
  readonly maxPairs: number;
}

export const SLOW_DOS_DEFAULTS: SlowDosThresholds = {
  ports: [80, 443, 8000, 8080, 8443],
  minConnections: 30,
  minAgeSeconds: 20,
  maxClientBytesPerSecond: 50,
  maxServerBytes: 0,
  staleSeconds: 120,
  checkIntervalSeconds: 5,
  cooldownSeconds: 300,
  maxConnections: 100_000,
  maxPairs: 16_384,
};

export type SlowDosOptions = Partial<SlowDosThresholds>;

const NAME = 'rule:slow_dos';
const CLOSING = TCP_FLAG.FIN | TCP_FLAG.RST;

/** One open connection to a web port, keyed by the flow table's flow id. */
interface Connection {
  readonly pair: string;
  readonly start: number;
  last: number;
  clientBytes: number;
  serverBytes: number;
}

/** The open connections of one client to one server:port. */
interface Pair {
  readonly client: string;
  readonly server: string;
  readonly port: number;
  readonly connections: Set<number>;
  checkedAt: number;
}

export class SlowDosDetector implements Detector {
  readonly name = NAME;
  private readonly limits: SlowDosThresholds;
  private readonly ports: ReadonlySet<number>;
  private readonly connections: BoundedMap<number, Connection>;
  private readonly pairs: BoundedMap<string, Pair>;
  private readonly cooldown: Cooldown<string>;

  constructor(
    private readonly emit: DetectionSink,
    options: SlowDosOptions = {},
  ) {
    this.limits = { ...SLOW_DOS_DEFAULTS, ...options };
    this.ports = new Set(this.limits.ports);
    this.pairs = new BoundedMap(this.limits.maxPairs);
    // A forgotten connection leaves its pair too, so pair sets never outgrow the connection table.
    this.connections = new BoundedMap(this.limits.maxConnections, (id, connection) => {
      this.pairs.peek(connection.pair)?.connections.delete(id);
    });
    this.cooldown = new Cooldown(this.limits.cooldownSeconds, this.limits.maxPairs);
  }

  /** Connections and pairs held, for memory checks. */
  get size(): number {
    return this.connections.size + this.pairs.size;
  }

  onPacket(packet: Packet, _result: DecodeResult, frame: FrameRef): void {
    if (packet.protocol !== IPPROTO.TCP || packet.depth < LAYER.TRANSPORT || frame.flowId === 0) return;
    const toServer = this.ports.has(packet.dstPort);
    if (!toServer && !this.ports.has(packet.srcPort)) return;
    const t = packetTime(packet);
    let connection = this.connections.get(frame.flowId);
    if ((packet.tcpFlags & CLOSING) !== 0) {
      if (connection !== undefined) this.close(frame.flowId, connection, t);
      return;
    }
    if (connection === undefined) {
      // Connections are learnt from the client's opening SYN only, so the pair is always
      // client→server, and the last ACK after a FIN (or any straggler of a closed connection) does
      // not open a phantom connection that would look idle forever.
      if (!toServer || (packet.tcpFlags & (TCP_FLAG.SYN | TCP_FLAG.ACK)) !== TCP_FLAG.SYN) return;
      connection = this.open(packet, frame.flowId, t);
    }
    connection.last = t;
    if (toServer) connection.clientBytes += packet.payloadLength;
    else connection.serverBytes += packet.payloadLength;

    const pair = this.pairs.get(connection.pair);
    if (pair === undefined || t - pair.checkedAt < this.limits.checkIntervalSeconds) return;
    pair.checkedAt = t;
    this.check(pair, t);
  }

  private open(packet: Packet, flowId: number, t: number): Connection {
    const client = addressText(srcKey(packet));
    const server = addressText(dstKey(packet));
    const key = `${client}>${server}:${packet.dstPort}`;
    const connection: Connection = { pair: key, start: t, last: t, clientBytes: 0, serverBytes: 0 };
    this.connections.set(flowId, connection);
    let pair = this.pairs.get(key);
    if (pair === undefined) {
      pair = { client, server, port: packet.dstPort, connections: new Set(), checkedAt: t };
      this.pairs.set(key, pair);
    }
    pair.connections.add(flowId);
    return connection;
  }

  /**
   * A slow connection that ends still held its slot until now: the pair is counted once more (when
   * due) before it is forgotten, so an attack whose connections all close together (the tool's test
   * ended) is judged on its whole life and not only on the follow-ups seen before.
   */
  private close(flowId: number, connection: Connection, t: number): void {
    const pair = this.pairs.get(connection.pair);
    if (pair !== undefined && t - pair.checkedAt >= this.limits.checkIntervalSeconds) {
      connection.last = t;
      pair.checkedAt = t;
      this.check(pair, t);
    }
    this.forget(flowId, connection);
  }

  private forget(flowId: number, connection: Connection): void {
    this.connections.delete(flowId);
    const pair = this.pairs.peek(connection.pair);
    if (pair === undefined) return;
    pair.connections.delete(flowId);
    if (pair.connections.size === 0) this.pairs.delete(connection.pair);
  }

  /** Counts the pair's slow connections as of `t` and reports when there are enough. */
  private check(pair: Pair, t: number): void {
    const { minAgeSeconds, maxClientBytesPerSecond, maxServerBytes, staleSeconds, minConnections } = this.limits;
    let slow = 0;
    let oldest = t;
    let clientBytes = 0;
    for (const id of pair.connections) {
      const connection = this.connections.peek(id);
      if (connection === undefined || t - connection.last > staleSeconds) {
        pair.connections.delete(id);
        if (connection !== undefined) this.connections.delete(id);
        continue;
      }
      const age = t - connection.start;
      if (age < minAgeSeconds || connection.serverBytes > maxServerBytes) continue;
      if (connection.clientBytes / age > maxClientBytesPerSecond) continue;
      slow += 1;
      clientBytes += connection.clientBytes;
      if (connection.start < oldest) oldest = connection.start;
    }
    if (slow < minConnections) return;
    const key = `${pair.client}>${pair.server}:${pair.port}`;
    if (!this.cooldown.tryFire(key, t)) return;
    this.emit({
      kind: 'slow_dos',
      severity: severityOver(slow, minConnections, 'high'),
      src: pair.client,
      dst: pair.server,
      firstSeen: oldest,
      lastSeen: t,
      score: scoreOver(slow, minConnections),
      detector: NAME,
      summary:
        `${pair.client} holds ${slow} near-idle connections to ${pair.server}:${pair.port} open ${minAgeSeconds} s or` +
        ` longer with no answer from the server (threshold ${minConnections}).`,
      evidence: {
        slowConnections: slow,
        openConnections: pair.connections.size,
        port: pair.port,
        oldestSeconds: Math.round((t - oldest) * 1000) / 1000,
        meanClientBytesPerConnection: Math.round(clientBytes / slow),
        minAgeSeconds,
        maxClientBytesPerSecond,
      },
    });
  }
}

/** Factory with thresholds overridable through `options` (defaults: SLOW_DOS_DEFAULTS). */
export function slowDosRule(options: SlowDosOptions = {}): DetectorFactory {
  return (emit) => new SlowDosDetector(emit, options);
}

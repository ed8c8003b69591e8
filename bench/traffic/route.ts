/**
 * A conversation's two ends as the uplink sees them: an office host ("local") and a peer beyond
 * the router ("remote"). Outbound frames go from the local host's MAC to the router's; inbound
 * frames come from the router's MAC.
 */
import type { Host } from './hosts';

export type Family = 4 | 6;

/** Hop limits as they reach the capture point: a Linux sender's 64; a remote one's after some hops. */
const LOCAL_TTL = 64;
const REMOTE_TTL = 57;

export class Route {
  /** IPv4 identification, counting per direction (RFC 6864 allows any per-source sequence). */
  outboundId: number;
  inboundId: number;

  constructor(
    readonly local: Host,
    readonly remote: Host,
    readonly router: Host,
    readonly family: Family,
    /** DSCP/ECN byte: 0xb8 (EF, RFC 3246) for voice, 0 for best effort. */
    readonly tos: number,
    firstId: number,
  ) {
    this.outboundId = firstId & 0xffff;
    this.inboundId = (firstId * 7 + 12345) & 0xffff;
  }

  source(outbound: boolean): Uint8Array {
    return this.address(outbound ? this.local : this.remote);
  }

  destination(outbound: boolean): Uint8Array {
    return this.address(outbound ? this.remote : this.local);
  }

  ttl(outbound: boolean): number {
    return outbound ? LOCAL_TTL : REMOTE_TTL;
  }

  /** The next IPv4 identification for a packet in this direction. */
  nextId(outbound: boolean): number {
    if (outbound) {
      this.outboundId = (this.outboundId + 1) & 0xffff;
      return this.outboundId;
    }
    this.inboundId = (this.inboundId + 1) & 0xffff;
    return this.inboundId;
  }

  private address(host: Host): Uint8Array {
    if (this.family === 4) return host.ipv4;
    if (host.ipv6 === undefined) throw new Error(`host ${host.ipv4.join('.')} has no IPv6 address`);
    return host.ipv6;
  }
}

/**
 * Who is on the busy office uplink. The capture point is the office side of the router: frames
 * between an office host and anything beyond carry the host's MAC and the router's, and a phone's
 * frames carry the voice VLAN's 802.1Q tag.
 */
import { hostRange, makeHost, type Host } from './hosts';

export interface OfficePlan {
  readonly router: Host;
  readonly resolver: Host;
  /** Desktops and laptops; every third is dual-stack. */
  readonly clients: readonly Host[];
  /** Desk phones on the voice VLAN. */
  readonly phones: readonly Host[];
  readonly pbx: Host;
  /** Intranet and SaaS web servers, all dual-stack. */
  readonly webServers: readonly Host[];
  /** File-sync and backup targets for the bulk transfers. */
  readonly storage: readonly Host[];
  /** A compromised laptop that sweeps a server's ports. */
  readonly scanner: Host;
  /** The monitoring server, pinging the gateway over IPv4 and IPv6. */
  readonly monitor: Host;
}

/** The voice VLAN (any id 2..4094 would do; 20 is a common choice). */
export const VOICE_VLAN = 20;

export function officePlan(): OfficePlan {
  return {
    router: makeHost(0, 1, { dualStack: true }),
    resolver: makeHost(0, 53, { dualStack: true }),
    clients: hostRange(600, 1, { dualStackEvery: 3 }),
    phones: hostRange(80, 20, { vlan: VOICE_VLAN }),
    pbx: makeHost(102, 1),
    webServers: hostRange(40, 100, { dualStackEvery: 1 }),
    storage: hostRange(4, 101),
    scanner: makeHost(66, 6),
    monitor: makeHost(0, 10, { dualStack: true }),
  };
}

/**
 * Labels a lab capture's flows from its truth file, for training and measuring the classifier.
 * A flow belongs to an attack episode when it overlaps the episode's time span (widened a little:
 * a tool's first probe can precede the recorded start by the time the shell takes to stamp it, and
 * replies trail its exit) and it involves the episode's parties: it comes from or goes to an
 * attacker, or, for a flood with spoofed sources, it goes to the victim from an address that is
 * none of the lab's own hosts. Every other flow, and every flow of a benign capture, is benign.
 */
import type { AlertKind } from '../../../preload/api/alerts';
import type { Truth } from '../evaluate/truth';
import type { FlowRecord } from '../flows/flow-record';

/** The class of a flow: an attack kind, or benign. */
export type FlowLabel = AlertKind | 'benign';

/** Seconds an episode is widened by on each side when flows are labelled. */
export const LABEL_SLACK_SECONDS = 2;

/** The lab's own addresses (truth files carry them as `hosts`), to tell spoofed sources apart. */
export interface LabHosts {
  readonly addresses: ReadonlySet<string>;
}

/** Reads `hosts` from a truth file's raw JSON; empty when it has none. */
export function labHosts(raw: unknown): LabHosts {
  const addresses = new Set<string>();
  if (typeof raw === 'object' && raw !== null && 'hosts' in raw) {
    const hosts: unknown = raw.hosts;
    if (typeof hosts === 'object' && hosts !== null) {
      for (const value of Object.values(hosts)) {
        if (typeof value === 'string' && !value.includes('/')) addresses.add(value);
        if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') addresses.add(item);
      }
    }
  }
  return { addresses };
}

/** The label of one flow of a capture with this truth. */
export function labelFlow(flow: FlowRecord, truth: Truth, hosts: LabHosts): FlowLabel {
  if (truth.benign) return 'benign';
  for (const episode of truth.attacks) {
    if (flow.last_seen < episode.start - LABEL_SLACK_SECONDS || flow.first_seen > episode.end + LABEL_SLACK_SECONDS) {
      continue;
    }
    if (episode.attackers.includes(flow.src) || episode.attackers.includes(flow.dst)) return episode.kind;
    const spoofed = episode.victim !== null && flow.dst === episode.victim && !hosts.addresses.has(flow.src);
    if (spoofed && hosts.addresses.size > 0) return episode.kind;
  }
  return 'benign';
}

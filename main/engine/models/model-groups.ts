/**
 * Gathers the flows models flag into groups a person can act on: per window of capture time, the
 * flagged flows of each source, then of each target. A source whose flagged flows reach a model's
 * minFlows becomes one detection (its target named when it is the only one: a scan; null when
 * there are many: a sweep); what is left of each target then (many sources: a spoofed flood, a
 * distributed one). One odd flow never alerts: see the thresholds' reasoning in train-anomaly.ts.
 */
import type { ExplainedFeature } from './explain';

/** Peers kept per group; past it a group only counts (a spoofed flood has one source per flow). */
const PEERS_KEPT = 64;
/** Groups kept per window on each side; beyond, flows count only on the other side. */
const GROUPS_KEPT = 100_000;
/** Flow ids kept per group, for the evidence. */
const FLOW_IDS_KEPT = 10;

/** A flagged flow, as a model judged it. */
export interface FlaggedFlow {
  readonly src: string;
  readonly dst: string;
  readonly dstPort: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  readonly flowId: number;
  /** `anomaly` or the attack kind a classifier named. */
  readonly verdict: string;
  readonly model: string;
  readonly score: number;
  readonly explanation: readonly ExplainedFeature[] | null;
  /** The flow's values of the model's features (unscaled), for an explanation the worker did not give. */
  readonly values: readonly number[];
}

/** `<model>|<verdict>` -> flows. */
export type Votes = Map<string, number>;

export interface FlowGroup {
  flows: number;
  firstSeen: number;
  lastSeen: number;
  readonly votes: Votes;
  /** The other party -> flows, for the first PEERS_KEPT peers. */
  readonly peers: Map<string, number>;
  /** The votes of each kept peer's flows, and of the rest, so claimed peers can be taken out exactly. */
  readonly peerVotes: Map<string, Votes>;
  readonly overflowVotes: Votes;
  peersOverflow: boolean;
  readonly ports: Map<number, number>;
  /** The strongest flagged flow with the worker's explanation, the strongest of all, and the strongest score per vote. */
  best: FlaggedFlow | null;
  strongest: FlaggedFlow;
  readonly topScore: Map<string, number>;
  readonly flowIds: number[];
}

interface Window {
  readonly bySrc: Map<string, FlowGroup>;
  readonly byDst: Map<string, FlowGroup>;
}

/** A group ready to become a detection: who, and what the flows say. */
export interface ReadyGroup {
  readonly src: string | null;
  readonly dst: string | null;
  readonly group: FlowGroup;
  /** The votes of the group's flows not already reported with their source. */
  readonly votes: Votes;
}

function emptyGroup(flow: FlaggedFlow): FlowGroup {
  return {
    flows: 0,
    firstSeen: flow.firstSeen,
    lastSeen: flow.lastSeen,
    votes: new Map(),
    peers: new Map(),
    peerVotes: new Map(),
    overflowVotes: new Map(),
    peersOverflow: false,
    ports: new Map(),
    best: null,
    strongest: flow,
    topScore: new Map(),
    flowIds: [],
  };
}

function addTo(group: FlowGroup, flow: FlaggedFlow, peer: string): void {
  group.flows += 1;
  group.firstSeen = Math.min(group.firstSeen, flow.firstSeen);
  group.lastSeen = Math.max(group.lastSeen, flow.lastSeen);
  const vote = `${flow.model}|${flow.verdict}`;
  group.votes.set(vote, (group.votes.get(vote) ?? 0) + 1);
  group.topScore.set(vote, Math.max(group.topScore.get(vote) ?? 0, flow.score));
  if (group.peers.has(peer) || group.peers.size < PEERS_KEPT) {
    group.peers.set(peer, (group.peers.get(peer) ?? 0) + 1);
    let votes = group.peerVotes.get(peer);
    if (votes === undefined) group.peerVotes.set(peer, (votes = new Map<string, number>()));
    votes.set(vote, (votes.get(vote) ?? 0) + 1);
  } else {
    group.peersOverflow = true;
    group.overflowVotes.set(vote, (group.overflowVotes.get(vote) ?? 0) + 1);
  }
  if (flow.score > group.strongest.score) group.strongest = flow;
  if (group.ports.has(flow.dstPort) || group.ports.size < PEERS_KEPT) {
    group.ports.set(flow.dstPort, (group.ports.get(flow.dstPort) ?? 0) + 1);
  }
  if (flow.explanation !== null && (group.best === null || flow.score > group.best.score)) group.best = flow;
  if (group.flowIds.length < FLOW_IDS_KEPT) group.flowIds.push(flow.flowId);
}

export class FlowGroups {
  readonly #windows = new Map<number, Window>();

  constructor(
    readonly windowSeconds: number,
    /** Whether votes reach some model's minFlows. */
    private readonly qualifies: (votes: Votes) => boolean,
  ) {}

  add(flow: FlaggedFlow): void {
    const key = Math.floor(flow.firstSeen / this.windowSeconds);
    let window = this.#windows.get(key);
    if (window === undefined) this.#windows.set(key, (window = { bySrc: new Map(), byDst: new Map() }));
    for (const [side, party, peer] of [
      [window.bySrc, flow.src, flow.dst],
      [window.byDst, flow.dst, flow.src],
    ] as const) {
      let group = side.get(party);
      if (group === undefined) {
        if (side.size >= GROUPS_KEPT) continue;
        side.set(party, (group = emptyGroup(flow)));
      }
      addTo(group, flow, peer);
    }
  }

  /** Takes the windows that ended before `time` (all with Infinity) and returns their groups that qualify. */
  takeEndedBefore(time: number): ReadyGroup[] {
    const ready: ReadyGroup[] = [];
    const keys = [...this.#windows.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      if ((key + 1) * this.windowSeconds > time) break;
      const window = this.#windows.get(key);
      this.#windows.delete(key);
      if (window !== undefined) ready.push(...this.#close(window));
    }
    return ready;
  }

  #close(window: Window): ReadyGroup[] {
    const ready: ReadyGroup[] = [];
    const taken = new Set<string>();
    for (const [src, group] of [...window.bySrc].sort(([a], [b]) => a.localeCompare(b))) {
      if (!this.qualifies(group.votes)) continue;
      taken.add(src);
      const only = group.peers.size === 1 && !group.peersOverflow ? [...group.peers.keys()][0] : undefined;
      ready.push({ src, dst: only ?? null, group, votes: group.votes });
    }
    for (const [dst, group] of [...window.byDst].sort(([a], [b]) => a.localeCompare(b))) {
      const left: Votes = new Map(group.overflowVotes);
      const sources: string[] = [];
      for (const [src, votes] of group.peerVotes) {
        if (taken.has(src)) continue;
        sources.push(src);
        for (const [vote, flows] of votes) left.set(vote, (left.get(vote) ?? 0) + flows);
      }
      if (!this.qualifies(left)) continue;
      const only = sources.length === 1 && !group.peersOverflow ? sources[0] : undefined;
      ready.push({ src: only ?? null, dst, group, votes: left });
    }
    return ready;
  }
}

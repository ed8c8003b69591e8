/**
 * Top talkers (hosts by bytes sent and received) and top conversations (address pairs, either
 * direction), aggregated from closed flows rather than per packet: one update per flow instead of
 * one per packet, and bounded by Space-Saving however many hosts a spoofed flood invents.
 */
import type { ConversationCount, TalkerCount } from '../../../preload/api/analysis';
import type { FlowRecord } from '../flows/flow-record';
import { SpaceSaving } from './space-saving';

/** Counters kept; exact for captures with fewer distinct hosts (or pairs) than this. */
const CAPACITY = 50_000;
const SEPARATOR = ' ';

export class Conversations {
  readonly #talkers = new SpaceSaving<string>(CAPACITY);
  readonly #pairs = new SpaceSaving<string>(CAPACITY);

  add(flow: FlowRecord): void {
    const bytes = flow.fwd_bytes + flow.bwd_bytes;
    this.#talkers.add(flow.src, bytes, flow.packets);
    if (flow.dst !== flow.src) this.#talkers.add(flow.dst, bytes, flow.packets);
    const pair = flow.src < flow.dst ? flow.src + SEPARATOR + flow.dst : flow.dst + SEPARATOR + flow.src;
    this.#pairs.add(pair, bytes, flow.packets);
  }

  topTalkers(count: number): TalkerCount[] {
    return this.#talkers
      .top(count)
      .map(({ key, weight, count: packets }) => ({ address: key, packets, bytes: weight }));
  }

  topConversations(count: number): ConversationCount[] {
    return this.#pairs.top(count).map(({ key, weight, count: packets }) => {
      const [a = '', b = ''] = key.split(SEPARATOR);
      return { a, b, packets, bytes: weight };
    });
  }
}

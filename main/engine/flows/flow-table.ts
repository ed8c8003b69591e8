/**
 * FlowTable: packets in, closed bidirectional flows out.
 *
 * Storage is indexed by slot: each flow's key and numbers in a row of one Float64Array
 * (flow-layout.ts), its hash beside it, a hash index (flow-index.ts) that finds a packet's slot in
 * either direction, and a recency list (recency-list.ts) ordering slots by last packet for idle
 * expiry and eviction. Adding a packet allocates nothing; closing a flow allocates its FlowRecord.
 * The arrays start small and double up to maxFlows.
 *
 * Flows close on: RST; the final ACK after FINs both ways; no packet for idleTimeout; the cap
 * (least recently seen evicted); flush(). A flow running past activeTimeout is cut into records.
 */
import type { Packet } from '../decode/packet';
import type { CloseReason } from './close-reason';
import { FlowIndex, NOT_FOUND } from './flow-index';
import { flowKeyHash, KEY_WORDS, storeKey, writeFlowKey } from './flow-key';
import { ROW, ROW_SLOTS } from './flow-layout';
import { resolveFlowOptions, type FlowTableOptions, type ResolvedFlowOptions } from './flow-options';
import { readFlowRecord, type FlowRecord } from './flow-record';
import { finishFlow, openFlow, sawBothFins, TCP_OUTCOME, updateFlow } from './flow-update';
import { RecencyList } from './recency-list';

const INITIAL_CAPACITY = 1024;

/** What the table has done so far. */
export interface FlowTableCounters {
  /** IP packets added to a flow. */
  readonly packets: number;
  /** Packets in no flow: non-IP (ARP…), or the IP header not decoded. */
  readonly ignoredPackets: number;
  /** Records started (a flow cut by the active timeout starts another). */
  readonly openedFlows: number;
  /** Records handed to onFlow. */
  readonly closedFlows: number;
  /** Flows closed because the table was at maxFlows. */
  readonly evictedFlows: number;
  /** Flows open now. */
  readonly openFlows: number;
}

export class FlowTable {
  private readonly options: ResolvedFlowOptions;
  private readonly idleTimeout: number;
  private readonly activeTimeout: number;
  private readonly key = new Uint32Array(KEY_WORDS);
  private capacity: number;
  /** Each slot's key hash, to find its index entry when it closes. */
  private hashes: Uint32Array;
  private rows: Float64Array;
  private readonly index: FlowIndex;
  private readonly recency: RecencyList;
  /** Freed slots, reused before new ones. */
  private free: Int32Array;
  private freeCount = 0;
  /** Slots ever handed out; slots below this are live or free. */
  private usedSlots = 0;
  private live = 0;
  private nextId = 1;
  /** Whole seconds of the first packet: rows hold time relative to it, keeping nanosecond precision. */
  private timeBase = 0;
  private started = false;
  private packets = 0;
  private ignoredPackets = 0;
  private closedFlows = 0;
  private evictedFlows = 0;

  /** Throws RangeError for invalid options (see resolveFlowOptions). */
  constructor(options: FlowTableOptions) {
    this.options = resolveFlowOptions(options);
    this.idleTimeout = this.options.idleTimeout;
    this.activeTimeout = this.options.activeTimeout;
    this.capacity = Math.min(INITIAL_CAPACITY, this.options.maxFlows);
    this.hashes = new Uint32Array(this.capacity);
    this.rows = new Float64Array(this.capacity * ROW_SLOTS);
    this.free = new Int32Array(this.capacity);
    this.index = new FlowIndex(this.capacity);
    this.recency = new RecencyList(this.capacity);
  }

  /** Flows open now. */
  get size(): number {
    return this.live;
  }

  /** Flows closed because the table was full. */
  get evictedCount(): number {
    return this.evictedFlows;
  }

  /** A snapshot of the counters. */
  counters(): FlowTableCounters {
    return {
      packets: this.packets,
      ignoredPackets: this.ignoredPackets,
      openedFlows: this.nextId - 1,
      closedFlows: this.closedFlows,
      evictedFlows: this.evictedFlows,
      openFlows: this.live,
    };
  }

  /**
   * Adds one decoded packet (read now; the caller may reuse it afterwards). Returns the id of the
   * flow record it joined, or 0 when it belongs to no flow (non-IP, or the IP header not decoded).
   * May close flows (idle, evicted, or this one) through onFlow before returning.
   */
  add(packet: Packet): number {
    const key = this.key;
    if (!writeFlowKey(packet, key)) {
      this.ignoredPackets++;
      return 0;
    }
    if (!this.started) {
      this.timeBase = packet.seconds;
      this.started = true;
    }
    const ts = packet.seconds - this.timeBase + packet.nanos * 1e-9;
    this.packets++;
    if (this.options.autoExpire) this.expireRelative(ts);

    const hash = flowKeyHash(key);
    const found = this.index.find(key, hash, this.rows);
    let slot: number;
    let backward = false;
    if (found === NOT_FOUND) {
      slot = this.openSlot(hash, ts);
    } else {
      slot = found >> 1;
      backward = (found & 1) === 1;
      this.recency.touch(slot);
      const row = slot * ROW_SLOTS;
      if (ts - (this.rows[row + ROW.LAST_TS] ?? 0) > this.idleTimeout) {
        // Idle but not yet expired (autoExpire off, or timestamps out of order): a new conversation,
        // whose initiator is this packet's source. The hash is symmetric, so the slot stays indexed.
        const record = this.readRecord(slot, this.idleReason(slot));
        storeKey(this.rows, row + ROW.KEY, key, false);
        backward = false;
        openFlow(this.rows, row, this.nextId++, ts);
        this.emit(record);
      } else if (ts - (this.rows[row + ROW.FIRST_TS] ?? 0) > this.activeTimeout) {
        // Cut a long flow; the next record keeps the same initiator.
        const record = this.readRecord(slot, 'active-timeout');
        openFlow(this.rows, row, this.nextId++, ts);
        this.emit(record);
      }
    }

    const rows = this.rows;
    const row = slot * ROW_SLOTS;
    const id = rows[row + ROW.ID] ?? 0;
    const outcome = updateFlow(rows, row, packet, ts, backward, this.options.activityThreshold);
    if (outcome !== TCP_OUTCOME.OPEN) this.close(slot, outcome === TCP_OUTCOME.RST ? 'rst' : 'fin');
    return id;
  }

  /**
   * Closes flows with no packet for longer than the idle timeout as of `nowSeconds` (epoch seconds
   * of capture time, e.g. the latest packet's timestamp, or wall time mapped onto capture time for a
   * quiet live interface). Returns how many closed. Cost: O(1 + flows closed).
   */
  expire(nowSeconds: number): number {
    if (!this.started) return 0;
    return this.expireRelative(nowSeconds - this.timeBase);
  }

  /** Closes every open flow as 'end-of-input', least recently seen first. Returns how many closed. */
  flush(): number {
    let closed = 0;
    while (this.recency.head >= 0) {
      this.close(this.recency.head, 'end-of-input');
      closed++;
    }
    return closed;
  }

  private expireRelative(ts: number): number {
    const rows = this.rows;
    const idle = this.idleTimeout;
    let closed = 0;
    for (let slot = this.recency.head; slot >= 0; slot = this.recency.head) {
      if (!(ts - (rows[slot * ROW_SLOTS + ROW.LAST_TS] ?? 0) > idle)) break;
      this.close(slot, this.idleReason(slot));
      closed++;
    }
    return closed;
  }

  /** An idle flow that had exchanged FINs both ways closed by FIN; its final ACK was not seen. */
  private idleReason(slot: number): CloseReason {
    return sawBothFins(this.rows, slot * ROW_SLOTS) ? 'fin' : 'idle';
  }

  /** Takes a slot for a new flow keyed by this.key, evicting or growing as needed. */
  private openSlot(hash: number, ts: number): number {
    if (this.live >= this.options.maxFlows) {
      const oldest = this.recency.head;
      this.evictedFlows++;
      this.close(oldest, 'evicted');
    } else if (this.freeCount === 0 && this.usedSlots === this.capacity) {
      this.grow();
    }
    const slot = this.freeCount > 0 ? (this.free[--this.freeCount] ?? 0) : this.usedSlots++;
    storeKey(this.rows, slot * ROW_SLOTS + ROW.KEY, this.key, false);
    this.hashes[slot] = hash;
    this.index.insert(slot, hash);
    this.recency.push(slot);
    this.live++;
    openFlow(this.rows, slot * ROW_SLOTS, this.nextId++, ts);
    return slot;
  }

  /** Doubles the store (up to maxFlows), keeping every slot number. */
  private grow(): void {
    const capacity = Math.min(this.options.maxFlows, this.capacity * 2);
    const hashes = new Uint32Array(capacity);
    const rows = new Float64Array(capacity * ROW_SLOTS);
    const free = new Int32Array(capacity);
    hashes.set(this.hashes);
    rows.set(this.rows);
    free.set(this.free);
    this.hashes = hashes;
    this.rows = rows;
    this.free = free;
    this.capacity = capacity;
    this.recency.grow(capacity);
    this.index.grow(capacity);
  }

  /** Closes the flow in `slot`: releases the slot first, so the table is whole if onFlow throws. */
  private close(slot: number, reason: CloseReason): void {
    const record = this.readRecord(slot, reason);
    this.index.remove(slot, this.hashes[slot] ?? 0);
    this.recency.remove(slot);
    this.free[this.freeCount++] = slot;
    this.live--;
    this.emit(record);
  }

  private readRecord(slot: number, reason: CloseReason): FlowRecord {
    const row = slot * ROW_SLOTS;
    finishFlow(this.rows, row);
    return readFlowRecord(this.rows, row, this.timeBase, reason);
  }

  private emit(record: FlowRecord): void {
    this.closedFlows++;
    this.options.onFlow(record);
  }
}

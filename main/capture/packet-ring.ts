/**
 * The recent packets of a live capture, kept in bounded memory so an alert can save its evidence
 * after the fact: "the packets between these parties (or of these flows) in this time window".
 * One ring of bytes and one ring of packet records; the oldest are overwritten first, so how far
 * back it reaches depends on the traffic (a flood shortens it) and `covers` says whether a
 * window's start is still held.
 */
import { ipToString, L3, type Packet } from '../engine/decode';
import type { CaptureFrame } from '../engine/sources/synthetic-frames';

/** What the evidence of one alert asks for. */
export interface EvidenceQuery {
  /**
   * Addresses that must all take part in a packet (source or destination): two for a
   * conversation, one for everything a host did, none to match on flows or time alone.
   */
  readonly hosts: readonly string[];
  /** Flow ids (FrameRef.flowId) whose packets match as well, whatever their addresses. */
  readonly flowIds?: readonly number[];
  /** Capture times, epoch seconds, inclusive. */
  readonly from: number;
  readonly to: number;
  /** Most packets returned (the earliest); default 10,000. */
  readonly limit?: number;
}

export interface EvidencePackets {
  /** Link type of the frames (tcpdump.org/linktypes.html). */
  readonly linktype: number;
  readonly frames: CaptureFrame[];
  /** False when the ring no longer reaches back to `from`: earlier packets were overwritten. */
  readonly covers: boolean;
  /** True when more packets matched than `limit`. */
  readonly truncated: boolean;
}

/** The small interface View Alerts' evidence saving uses. */
export interface PacketEvidence {
  packetsOf(query: EvidenceQuery): EvidencePackets;
}

export interface PacketRingOptions {
  /** Bytes of frame data kept; default 32 MiB. */
  readonly bytes?: number;
  /** Packet records kept; default 200,000. */
  readonly packets?: number;
}

export class PacketRing implements PacketEvidence {
  readonly #data: Uint8Array;
  readonly #capacity: number;
  // Struct-of-arrays: one slot per packet record, reused as the ring turns.
  readonly #time: Float64Array;
  readonly #nanos: Uint32Array;
  readonly #caplen: Uint32Array;
  readonly #wirelen: Uint32Array;
  readonly #linktype: Uint16Array;
  readonly #l3: Uint8Array;
  readonly #addresses: Uint32Array; // 8 words per slot: source 0..3, destination 4..7
  readonly #flowId: Float64Array;
  /** Absolute byte position (over the ring's life) where each slot's bytes start. */
  readonly #start: Float64Array;
  #written = 0; // bytes position, absolute
  #added = 0; // packet records, absolute

  constructor(options: PacketRingOptions = {}) {
    this.#data = new Uint8Array(options.bytes ?? 32 * 1024 * 1024);
    const slots = options.packets ?? 200_000;
    this.#capacity = slots;
    this.#time = new Float64Array(slots);
    this.#nanos = new Uint32Array(slots);
    this.#caplen = new Uint32Array(slots);
    this.#wirelen = new Uint32Array(slots);
    this.#linktype = new Uint16Array(slots);
    this.#l3 = new Uint8Array(slots);
    this.#addresses = new Uint32Array(slots * 8);
    this.#flowId = new Float64Array(slots);
    this.#start = new Float64Array(slots);
  }

  /** Packets held now. */
  get size(): number {
    let size = 0;
    const first = Math.max(0, this.#added - this.#capacity);
    for (let n = first; n < this.#added; n++) if (this.#valid(n % this.#capacity)) size += 1;
    return size;
  }

  /** Keeps one decoded packet: `data[offset, offset + packet.caplen)` are its bytes. */
  add(data: Uint8Array, offset: number, packet: Packet, flowId: number): void {
    const size = this.#data.length;
    const caplen = Math.min(packet.caplen, size);
    let at = this.#written % size;
    if (at + caplen > size) {
      // No record straddles the end: skip the tail, the bytes there count as overwritten.
      this.#written += size - at;
      at = 0;
    }
    this.#data.set(data.subarray(offset, offset + caplen), at);
    const slot = this.#added % this.#capacity;
    this.#start[slot] = this.#written;
    this.#written += caplen;
    this.#added += 1;
    this.#time[slot] = packet.seconds + packet.nanos * 1e-9;
    this.#nanos[slot] = packet.nanos;
    this.#caplen[slot] = caplen;
    this.#wirelen[slot] = packet.wirelen;
    this.#linktype[slot] = packet.linktype;
    this.#l3[slot] = packet.l3;
    this.#flowId[slot] = flowId;
    const words = slot * 8;
    for (let i = 0; i < 4; i++) {
      this.#addresses[words + i] = packet.src[i] ?? 0;
      this.#addresses[words + 4 + i] = packet.dst[i] ?? 0;
    }
  }

  packetsOf(query: EvidenceQuery): EvidencePackets {
    const limit = query.limit ?? 10_000;
    const flows = new Set(query.flowIds ?? []);
    const frames: CaptureFrame[] = [];
    let linktype = 1;
    let truncated = false;
    let oldestHeld = Number.POSITIVE_INFINITY;
    const first = Math.max(0, this.#added - this.#capacity);
    for (let n = first; n < this.#added; n++) {
      const slot = n % this.#capacity;
      if (!this.#valid(slot)) continue;
      const time = this.#time[slot] ?? 0;
      if (time < oldestHeld) oldestHeld = time;
      if (time < query.from || time > query.to) continue;
      if (!this.#matches(slot, query.hosts, flows)) continue;
      if (frames.length >= limit) {
        truncated = true;
        break;
      }
      linktype = this.#linktype[slot] ?? 1;
      const start = (this.#start[slot] ?? 0) % this.#data.length;
      const caplen = this.#caplen[slot] ?? 0;
      frames.push({
        seconds: Math.floor(time),
        nanos: this.#nanos[slot] ?? 0,
        bytes: this.#data.slice(start, start + caplen),
        wirelen: this.#wirelen[slot] ?? caplen,
      });
    }
    // Held from the start of the ring's life, or the oldest packet still held is before `from`.
    const covers =
      this.#added <= this.#capacity && this.#written <= this.#data.length ? true : oldestHeld <= query.from;
    return { linktype, frames, covers, truncated };
  }

  #valid(slot: number): boolean {
    return (this.#start[slot] ?? 0) >= this.#written - this.#data.length;
  }

  #matches(slot: number, hosts: readonly string[], flows: ReadonlySet<number>): boolean {
    if (flows.has(this.#flowId[slot] ?? 0)) return true;
    if (hosts.length === 0) return flows.size === 0;
    const l3 = this.#l3[slot] ?? 0;
    if (l3 !== L3.IPV4 && l3 !== L3.IPV6) return false;
    const words = slot * 8;
    const src = ipToString(l3, this.#addresses.subarray(words, words + 4));
    const dst = ipToString(l3, this.#addresses.subarray(words + 4, words + 8));
    return hosts.every((host) => host === src || host === dst);
  }
}

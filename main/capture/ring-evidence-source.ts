/**
 * A live capture's packet ring as an evidence source (main/evidence/evidence-source.ts): asks the
 * live worker for the packets held in the alert's window and yields them as one FrameBatch; the
 * evidence writer then picks the alert's parties, port and protocol out of it.
 */
import type { EvidenceSource, EvidenceWindow } from '../evidence/evidence-source';
import type { FrameBatch } from '../engine/sources/frame-batch';
import type { EvidencePackets, EvidenceQuery } from './packet-ring';

/** Most packets one evidence request takes from the ring. */
const MAX_PACKETS = 200_000;

export class RingEvidenceSource implements EvidenceSource {
  constructor(
    private readonly interfaceName: string,
    private readonly query: (query: EvidenceQuery) => Promise<EvidencePackets | null>,
  ) {}

  get description(): string {
    return `the recent packets kept from ${this.interfaceName}`;
  }

  async *frames(window: EvidenceWindow): AsyncIterable<FrameBatch> {
    const packets = await this.query({
      hosts: [],
      from: window.fromMicros / 1e6,
      to: window.toMicros / 1e6,
      limit: MAX_PACKETS,
    });
    if (packets === null || packets.frames.length === 0) return;
    yield framesToBatch(packets);
  }
}

/** Lays frames out as one batch over one buffer. */
export function framesToBatch(packets: EvidencePackets): FrameBatch {
  const { frames } = packets;
  const total = frames.reduce((sum, frame) => sum + frame.bytes.length, 0);
  const data = new Uint8Array(total);
  const count = frames.length;
  const batch: FrameBatch = {
    count,
    data,
    offsets: new Uint32Array(count),
    caplens: new Uint32Array(count),
    wirelens: new Uint32Array(count),
    seconds: new Float64Array(count),
    nanos: new Uint32Array(count),
    linktypes: new Uint16Array(count).fill(packets.linktype),
    fileOffsets: new Float64Array(count),
  };
  let at = 0;
  frames.forEach((frame, i) => {
    data.set(frame.bytes, at);
    batch.offsets[i] = at;
    batch.caplens[i] = frame.bytes.length;
    batch.wirelens[i] = frame.wirelen ?? frame.bytes.length;
    batch.seconds[i] = frame.seconds;
    batch.nanos[i] = frame.nanos;
    at += frame.bytes.length;
  });
  return batch;
}

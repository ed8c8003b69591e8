import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DECODE, L3, Packet, decodeFrame } from '../../main/engine/decode';
import { collectFrames, type CollectedFrame } from '../../main/engine/sources/collect-frames';
import { SniffingParser } from '../../main/engine/sources/sniffing-parser';
import type { ChunkSink } from './chunk-sink';
import { generateTraffic, type TrafficOptions } from './generate';

/** Keeps every chunk, copied (the writer reuses its buffers once a write resolves). */
class MemorySink implements ChunkSink {
  readonly chunks: Uint8Array[] = [];
  closed = false;

  write(chunk: Uint8Array): Promise<void> {
    this.chunks.push(new Uint8Array(chunk));
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }

  get bytes(): Uint8Array {
    const out = new Uint8Array(this.chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }
}

async function generate(options: TrafficOptions): Promise<{ sink: MemorySink; frames: CollectedFrame[] }> {
  const sink = new MemorySink();
  await generateTraffic(sink, options);
  const { frames, problem } = collectFrames(new SniffingParser(), sink.bytes);
  expect(problem).toBeUndefined();
  return { sink, frames };
}

/** One hash over every frame's bytes: comparing thousands of arrays element by element is slow. */
function digest(frames: readonly CollectedFrame[]): string {
  const hash = createHash('sha256');
  for (const frame of frames) hash.update(frame.bytes);
  return hash.digest('hex');
}

const nanoTime = (frame: CollectedFrame): bigint => BigInt(frame.seconds) * 1_000_000_000n + BigInt(frame.nanos);

describe('generateTraffic', () => {
  it('should write the same bytes for the same seed, and others for another seed', async () => {
    const [a, b, c] = await Promise.all([
      generate({ seed: 5, packets: 3000 }),
      generate({ seed: 5, packets: 3000 }),
      generate({ seed: 6, packets: 3000 }),
    ]);
    expect(Buffer.compare(a.sink.bytes, b.sink.bytes)).toBe(0);
    expect(Buffer.compare(a.sink.bytes, c.sink.bytes)).not.toBe(0);
  });

  it('should stop at the packet count, or once the file reaches the size', async () => {
    const counted = await generate({ packets: 1234 });
    expect(counted.frames).toHaveLength(1234);
    const sized = await generate({ bytes: 3_000_000 });
    expect(sized.sink.bytes.length).toBeGreaterThanOrEqual(3_000_000);
    expect(sized.sink.bytes.length).toBeLessThan(3_002_000);
  });

  it('should stream in chunks of a few MiB rather than build the file in memory', async () => {
    const { sink } = await generate({ packets: 20_000 });
    expect(sink.chunks.length).toBeGreaterThan(2);
    expect(Math.max(...sink.chunks.map((chunk) => chunk.length))).toBeLessThanOrEqual(4 * 1024 * 1024 + 64 * 1024);
    expect(sink.closed).toBe(true);
  });

  it('should write the same frames as pcap and pcapng, in micro- and nanoseconds', async () => {
    const options = { seed: 2, packets: 2000 };
    const [micro, microNg, nano, nanoNg] = await Promise.all([
      generate(options),
      generate({ ...options, format: 'pcapng' }),
      generate({ ...options, nanosecond: true }),
      generate({ ...options, format: 'pcapng', nanosecond: true }),
    ]);
    expect(microNg.frames.map(nanoTime)).toEqual(micro.frames.map(nanoTime));
    expect(nanoNg.frames.map(nanoTime)).toEqual(nano.frames.map(nanoTime));
    expect(micro.frames.map((frame) => frame.nanos)).toEqual(
      nano.frames.map((frame) => Math.floor(frame.nanos / 1000) * 1000),
    );
    expect(digest(nanoNg.frames)).toBe(digest(micro.frames));
    expect(nano.frames.some((frame) => frame.nanos % 1000 !== 0)).toBe(true);
  });

  it('should write frames in time order that decode cleanly, addressed only in 10.77.0.0/16 and fd77::/64', async () => {
    const { frames } = await generate({ packets: 20_000, nanosecond: true });
    const packet = new Packet();
    const families = new Set<number>();
    const problems: string[] = [];
    let previous = 0n;
    frames.forEach((frame, n) => {
      if (nanoTime(frame) < previous) problems.push(`frame ${n}: earlier than the one before`);
      previous = nanoTime(frame);
      if (frame.caplen !== frame.wirelen || frame.caplen < 60)
        problems.push(`frame ${n}: ${frame.caplen}/${frame.wirelen} bytes`);
      const result = decodeFrame(frame.bytes, 0, frame.caplen, frame.linktype, packet);
      if (result !== DECODE.OK) problems.push(`frame ${n}: decode result ${result}`);
      families.add(packet.l3);
      for (const address of [packet.src, packet.dst]) {
        const inside =
          packet.l3 === L3.IPV4
            ? (address[0] ?? 0) >>> 16 === 0x0a4d
            : packet.l3 !== L3.IPV6 || (address[0] === 0xfd770000 && address[1] === 0);
        if (!inside) problems.push(`frame ${n}: address outside the office prefixes`);
      }
    });
    expect(problems).toEqual([]);
    expect([...families].sort()).toEqual([L3.ARP, L3.IPV4, L3.IPV6].sort());
  });
});

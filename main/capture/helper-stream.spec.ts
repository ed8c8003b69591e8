import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../common/seeded-random';
import { BatchEncoder } from './batch-encoder';
import { encodeControl, type HelperControl } from './helper-protocol';
import { HelperStreamError, HelperStreamReader } from './helper-stream';

interface Seen {
  readonly seconds: number;
  readonly nanos: number;
  readonly wirelen: number;
  readonly bytes: number[];
  readonly linktype: number;
}

function stream(): { bytes: Buffer; frames: Seen[] } {
  const random = seededRandom(7);
  const encoder = new BatchEncoder();
  const parts: Buffer[] = [encodeControl({ type: 'ready', interface: 'veth0', linktype: 1, pid: 42 })];
  const frames: Seen[] = [];
  for (let batch = 0; batch < 5; batch++) {
    for (let i = 0; i < 20 + batch * 7; i++) {
      const length = 14 + Math.floor(random() * 200);
      const frame = Buffer.from(Array.from({ length }, () => Math.floor(random() * 256)));
      const caplen = Math.min(length, 100); // a snap length of 100 cuts some
      encoder.add(frame, caplen, length, 1_700_000_000 + batch, i * 1000);
      frames.push({
        seconds: 1_700_000_000 + batch,
        nanos: i * 1000,
        wirelen: length,
        bytes: [...frame.subarray(0, caplen)],
        linktype: 1,
      });
    }
    const record = encoder.take();
    if (record === undefined) throw new Error('empty batch');
    parts.push(record);
    parts.push(
      encodeControl({
        type: 'stats',
        seen: frames.length,
        bytes: 0,
        helperDropped: 0,
        interfaceDropped: 0,
        kernelDroppedEstimate: 0,
      }),
    );
  }
  return { bytes: Buffer.concat(parts), frames };
}

function read(chunks: readonly Buffer[]): { frames: Seen[]; controls: HelperControl[] } {
  const frames: Seen[] = [];
  const controls: HelperControl[] = [];
  const reader = new HelperStreamReader({
    onBatch: (batch) => {
      for (let i = 0; i < batch.count; i++) {
        const offset = batch.offsets[i] ?? 0;
        frames.push({
          seconds: batch.seconds[i] ?? -1,
          nanos: batch.nanos[i] ?? -1,
          wirelen: batch.wirelens[i] ?? -1,
          bytes: [...batch.data.subarray(offset, offset + (batch.caplens[i] ?? 0))],
          linktype: batch.linktypes[i] ?? -1,
        });
      }
    },
    onControl: (message) => controls.push(message),
  });
  for (const chunk of chunks) reader.push(chunk);
  return { frames, controls };
}

describe('HelperStreamReader', () => {
  it('should give back every frame and control record the helper encoded, however the pipe cuts the stream', () => {
    const { bytes, frames } = stream();
    const random = seededRandom(3);
    for (const maxChunk of [1, 7, 64, 4096, bytes.length]) {
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length;) {
        const size = 1 + Math.floor(random() * maxChunk);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      const result = read(chunks);
      expect(result.frames).toEqual(frames);
      expect(result.controls.map((control) => control.type)).toEqual(['ready', ...Array<string>(5).fill('stats')]);
    }
  });

  it('should stamp frames with the link type the helper reported ready with', () => {
    const encoder = new BatchEncoder();
    encoder.add(Buffer.alloc(20), 20, 20, 1, 2);
    const record = encoder.take() ?? Buffer.alloc(0);
    const ready = encodeControl({ type: 'ready', interface: 'any', linktype: 113, pid: 1 });
    expect(read([ready, record]).frames[0]?.linktype).toBe(113);
  });

  it('should refuse a stream that is not the protocol rather than guess', () => {
    expect(() => read([Buffer.from('Warning: something printed on stdout\n')])).toThrow(HelperStreamError);
    const cut = Buffer.from([5, 0, 0, 0, 2, 1, 0, 0, 0]); // a batch claiming one frame with no bytes for it
    expect(() => read([cut])).toThrow(/cut batch/);
  });
});

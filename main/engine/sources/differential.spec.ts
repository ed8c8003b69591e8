/**
 * Differential test: the `pcap-parser` npm package is an independent reader of classic
 * microsecond pcap. On the same files, both must yield the same records field for field.
 */
import { describe, expect, it } from 'vitest';
import { collectFrames } from './collect-frames';
import { PcapParser } from './pcap-parser';
import { readWithPcapParser } from './reference-pcap-parser';
import { seededRandom } from '../../../common/seeded-random';
import { syntheticFrames } from './synthetic-frames';
import { writePcap } from './write-pcap';

/** Bytes as text: deep-equality over typed arrays goes element by element and is slow. */
function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

describe('PcapParser against pcap-parser', () => {
  const cases = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => {
    const random = seededRandom(seed * 101);
    return {
      seed,
      count: 50 + Math.floor(random() * 400),
      bigEndian: seed % 2 === 0,
      maxBytes: seed % 3 === 0 ? 9000 : 1514,
      chunk: 1 + Math.floor(random() * 5000),
    };
  });

  it.each(cases)(
    'should yield identical records for seed $seed (bigEndian=$bigEndian, chunks of $chunk bytes)',
    async ({ seed, count, bigEndian, maxBytes, chunk }) => {
      const file = writePcap(syntheticFrames(count, seed, { minBytes: 0, maxBytes, cutFraction: 0.25 }), {
        bigEndian,
        snaplen: 65_535,
        linktype: 113,
      });
      const reference = await readWithPcapParser(file, chunk);
      const ours = collectFrames(new PcapParser(), file, () => chunk);
      expect(ours.problem).toBeUndefined();
      expect(reference.header?.linkLayerType).toBe(113);
      expect(ours.frames).toHaveLength(reference.packets.length);
      expect(
        ours.frames.map((frame) => ({
          seconds: frame.seconds,
          microseconds: frame.nanos / 1000,
          caplen: frame.caplen,
          wirelen: frame.wirelen,
          bytes: base64(frame.bytes),
        })),
      ).toEqual(reference.packets.map((packet) => ({ ...packet, bytes: base64(packet.bytes) })));
    },
  );
});

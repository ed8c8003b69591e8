import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collectFrames } from './collect-frames';
import { PcapParser } from './pcap-parser';
import { PcapngParser } from './pcapng-parser';
import { SniffingParser } from './sniffing-parser';
import { syntheticFrames } from './synthetic-frames';
import { writePcap } from './write-pcap';
import { writePcapng } from './write-pcapng';

describe('SniffingParser', () => {
  const frames = syntheticFrames(20, 21).map((frame) => ({ ...frame, interfaceId: 0 }));

  it.each([
    { name: 'pcap', bytes: writePcap(frames), format: 'pcap', reference: () => new PcapParser() },
    {
      name: 'pcap-ns',
      bytes: writePcap(frames, { nanosecond: true, bigEndian: true }),
      format: 'pcap-ns',
      reference: () => new PcapParser(),
    },
    { name: 'pcapng', bytes: writePcapng(frames), format: 'pcapng', reference: () => new PcapngParser() },
  ])('should recognise $name by its magic and read it like its own parser', ({ bytes, format, reference }) => {
    for (const chunk of [1, 5, 12, 13, bytes.length]) {
      const parser = new SniffingParser();
      const got = collectFrames(parser, bytes, () => chunk);
      expect(parser.format).toBe(format);
      expect(got).toEqual(collectFrames(reference(), bytes));
      expect(got.frames).toHaveLength(frames.length);
    }
  });

  it('should report a foreign head as unknown-format, quoting its first bytes', () => {
    const { problem } = collectFrames(new SniffingParser(), new TextEncoder().encode('%PDF-1.7 a document'));
    expect(problem?.problem).toBe('unknown-format');
    expect(problem?.message).toBe(
      'unknown format at byte offset 0: the data starts with 25 50 44 46 2d 31 2e 37, not a pcap, pcapng or gzip signature',
    );
  });

  it('should report a few bytes of a signature as a truncated header, and none as empty', () => {
    expect(collectFrames(new SniffingParser(), Uint8Array.of(0x0a, 0x0d, 0x0d)).problem?.problem).toBe(
      'truncated-header',
    );
    expect(collectFrames(new SniffingParser(), writePcapng([]).subarray(0, 10)).problem?.problem).toBe(
      'truncated-header',
    );
    expect(collectFrames(new SniffingParser(), writePcap([]).subarray(0, 6)).problem?.problem).toBe('truncated-header');
    expect(new SniffingParser().end()?.problem).toBe('empty');
  });

  it('should refuse gzip inside gzip, saying offsets are in the decompressed data', () => {
    const parser = new SniffingParser({ space: 'decompressed' });
    const { problem } = collectFrames(parser, gzipSync(writePcap(frames)));
    expect(problem?.problem).toBe('unknown-format');
    expect(problem?.message).toContain('of the decompressed data');
  });
});

import { describe, expect, it } from 'vitest';
import { CaptureReadError } from './capture-read-error';
import { collectFrames } from './collect-frames';
import { LINKTYPE } from './frame-batch';
import { PcapParser } from './pcap-parser';
import { seededRandom } from '../../../common/seeded-random';
import { syntheticFrames, type CaptureFrame } from './synthetic-frames';
import { writePcap } from './write-pcap';

/** What a reader must yield for `frames` written at microsecond or nanosecond resolution. */
function expected(frames: readonly CaptureFrame[], nanosecond: boolean, linktype: number = LINKTYPE.ETHERNET) {
  let offset = 24;
  return frames.map((frame) => {
    const fileOffset = offset;
    offset += 16 + frame.bytes.length;
    return {
      seconds: frame.seconds,
      nanos: nanosecond ? frame.nanos : Math.floor(frame.nanos / 1000) * 1000,
      caplen: frame.bytes.length,
      wirelen: frame.wirelen ?? frame.bytes.length,
      linktype,
      fileOffset,
      bytes: frame.bytes,
    };
  });
}

function hex(text: string): Uint8Array {
  return Uint8Array.from(text.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

describe('PcapParser', () => {
  const frames = syntheticFrames(40, 7, { cutFraction: 0.3 });

  it.each([
    { nanosecond: false, bigEndian: false },
    { nanosecond: false, bigEndian: true },
    { nanosecond: true, bigEndian: false },
    { nanosecond: true, bigEndian: true },
  ])('should read every frame exactly with nanosecond=$nanosecond bigEndian=$bigEndian', (options) => {
    const parser = new PcapParser();
    const { frames: read, problem } = collectFrames(parser, writePcap(frames, options));
    expect(problem).toBeUndefined();
    expect(read).toEqual(expected(frames, options.nanosecond));
    expect(parser.header).toMatchObject({
      byteOrder: options.bigEndian ? 'big' : 'little',
      resolution: options.nanosecond ? 'nanosecond' : 'microsecond',
      majorVersion: 2,
      minorVersion: 4,
      linktype: LINKTYPE.ETHERNET,
    });
  });

  it('should read a hand-written record field by field', () => {
    const file = hex(
      'd4c3b2a1' + // magic, little-endian microseconds
        '0200' + // major version 2
        '0400' + // minor version 4
        '00000000' + // reserved1
        '00000000' + // reserved2
        'ffff0000' + // snaplen 65535
        '71000000' + // link type 113 (Linux SLL)
        '00f15365' + // seconds 1700000000
        '40e20100' + // microseconds 123456
        '04000000' + // captured length 4
        '3c000000' + // original length 60
        'deadbeef', // packet data
    );
    const { frames: read, problem } = collectFrames(new PcapParser(), file);
    expect(problem).toBeUndefined();
    expect(read).toEqual([
      {
        seconds: 1_700_000_000,
        nanos: 123_456_000,
        caplen: 4,
        wirelen: 60,
        linktype: LINKTYPE.LINUX_SLL,
        fileOffset: 24,
        bytes: hex('deadbeef'),
      },
    ]);
  });

  it('should mask the FCS bits off the link type and report the FCS length', () => {
    // P bit set, FCS len 2 words (4 bytes): draft-ietf-opsawg-pcap §4 Figure 2.
    const parser = new PcapParser();
    const { frames: read } = collectFrames(parser, writePcap(frames.slice(0, 3), { linkFieldHigh: 0x2400 }));
    expect(read.map((frame) => frame.linktype)).toEqual([1, 1, 1]);
    expect(parser.header?.linktype).toBe(LINKTYPE.ETHERNET);
    expect(parser.header?.fcsBytes).toBe(4);
  });

  it('should yield the same frames however the bytes are split into chunks', () => {
    const file = writePcap(frames, { nanosecond: true });
    const whole = collectFrames(new PcapParser(), file);
    const random = seededRandom(3);
    for (const split of [() => 1, () => 7, () => 16, () => 24, () => 1 + Math.floor(random() * 3000)]) {
      expect(collectFrames(new PcapParser(), file, split)).toEqual(whole);
    }
  });

  it('should point batches into the pushed chunk and copy only a straddling record', () => {
    const file = writePcap(frames.slice(0, 10));
    const cut = 24 + 16 + (frames[0]?.bytes.length ?? 0) + 10; // 10 bytes into the second record
    const parser = new PcapParser();
    const first = file.slice(0, cut);
    const second = file.slice(cut);
    const [a] = parser.push(first);
    const [straddler, rest] = parser.push(second);
    expect(a?.data).toBe(first);
    expect(a?.count).toBe(1);
    expect(straddler?.count).toBe(1);
    expect(straddler?.data.length).toBe(16 + (frames[1]?.bytes.length ?? 0));
    expect(rest?.data).toBe(second);
    expect(rest?.count).toBe(8);
    expect(parser.end()).toBeUndefined();
    expect(parser.framesRead).toBe(10);
  });

  it('should keep records whose caplen exceeds the snaplen, and count them', () => {
    const parser = new PcapParser();
    const { frames: read, problem } = collectFrames(parser, writePcap(frames, { snaplen: 100 }));
    expect(problem).toBeUndefined();
    expect(read).toHaveLength(frames.length);
    expect(parser.caplenOverSnaplen).toBe(frames.filter((frame) => frame.bytes.length > 100).length);
  });

  it('should report an empty input', () => {
    const problem = new PcapParser().end();
    expect(problem).toBeInstanceOf(CaptureReadError);
    expect(problem?.problem).toBe('empty');
  });

  it('should report a truncated file header', () => {
    const { frames: read, problem } = collectFrames(new PcapParser(), writePcap([]).subarray(0, 20));
    expect(read).toEqual([]);
    expect(problem?.problem).toBe('truncated-header');
    expect(problem?.message).toBe(
      'truncated file header at byte offset 0: the data ends after 20 of the 24 bytes of the pcap file header',
    );
  });

  it('should read a file with a header and no records as empty but sound', () => {
    expect(collectFrames(new PcapParser(), writePcap([]))).toEqual({ frames: [], problem: undefined });
  });

  it('should keep every earlier frame and then report a truncated last record', () => {
    const file = writePcap(frames);
    const last = expected(frames, false).at(-1)?.fileOffset ?? 0;
    for (const cut of [last + 3, last + 16, file.length - 1]) {
      const { frames: read, problem } = collectFrames(new PcapParser(), file.subarray(0, cut), () => 100);
      expect(read).toEqual(expected(frames, false).slice(0, -1));
      expect(problem?.problem).toBe('truncated-record');
      expect(problem?.offset).toBe(last);
      expect(problem?.framesRead).toBe(frames.length - 1);
      expect(problem?.message).toMatch(
        new RegExp(`^truncated record at byte offset ${last}: the data ends ${cut - last} bytes into`),
      );
    }
  });

  it('should stop at a caplen above 256 KiB as an oversized record', () => {
    const file = writePcap(frames.slice(0, 3));
    const third = expected(frames.slice(0, 3), false)[2]?.fileOffset ?? 0;
    new DataView(file.buffer).setUint32(third + 8, 262_145, true);
    const { frames: read, problem } = collectFrames(new PcapParser(), file);
    expect(read).toHaveLength(2);
    expect(problem?.problem).toBe('oversized-record');
    expect(problem?.offset).toBe(third);
    expect(problem?.framesRead).toBe(2);
  });

  it('should accept a caplen of exactly 256 KiB', () => {
    const big = { seconds: 1, nanos: 0, bytes: new Uint8Array(262_144) };
    const { frames: read, problem } = collectFrames(new PcapParser(), writePcap([big]), () => 50_000);
    expect(problem).toBeUndefined();
    expect(read[0]?.caplen).toBe(262_144);
  });

  it('should call a record with an impossible timestamp fraction garbage', () => {
    const file = writePcap(frames.slice(0, 2));
    const second = expected(frames.slice(0, 2), false)[1]?.fileOffset ?? 0;
    new DataView(file.buffer).setUint32(second + 4, 1_000_000, true);
    const { frames: read, problem } = collectFrames(new PcapParser(), file);
    expect(read).toHaveLength(1);
    expect(problem?.problem).toBe('garbage');
    expect(problem?.offset).toBe(second);
  });

  it('should keep the valid prefix and report where garbage after it starts', () => {
    const valid = writePcap(frames.slice(0, 5));
    const file = new Uint8Array([
      ...valid,
      ...new TextEncoder().encode('<html><body>not a packet record</body></html>'),
    ]);
    const { frames: read, problem } = collectFrames(new PcapParser(), file, () => 33);
    expect(read).toEqual(expected(frames.slice(0, 5), false));
    expect(problem).toBeInstanceOf(CaptureReadError);
    expect(problem?.offset).toBe(valid.length);
    expect(['oversized-record', 'garbage']).toContain(problem?.problem);
  });

  it('should reject a foreign magic and an unsupported major version', () => {
    const foreign = collectFrames(new PcapParser(), new TextEncoder().encode('GIF89a, certainly not a capture'));
    expect(foreign.problem?.problem).toBe('unknown-format');
    const version = collectFrames(new PcapParser(), writePcap(frames, { majorVersion: 3 }));
    expect(version.problem?.problem).toBe('unsupported-version');
    expect(version.frames).toEqual([]);
  });

  it('should ignore input after a problem', () => {
    const parser = new PcapParser();
    parser.push(new TextEncoder().encode('GIF89a, certainly not a capture'));
    expect(parser.push(writePcap(frames))).toEqual([]);
    expect(parser.end()?.problem).toBe('unknown-format');
  });
});

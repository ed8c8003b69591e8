import { describe, expect, it } from 'vitest';
import { collectFrames, type CollectedFrame } from './collect-frames';
import { LINKTYPE } from './frame-batch';
import { PcapngParser } from './pcapng-parser';
import { seededRandom } from '../../../common/seeded-random';
import { syntheticFrames, type CaptureFrame } from './synthetic-frames';
import { pcapngBlock, timestampUnits, writePcapng, type PcapngInterfaceSpec } from './write-pcapng';

/** What a reader must yield (all but fileOffset) for EPB/PB frames on `interfaces`. */
function expected(frames: readonly CaptureFrame[], interfaces: readonly PcapngInterfaceSpec[] = [{}]) {
  return frames.map((frame) => {
    const spec = interfaces[frame.interfaceId ?? 0] ?? {};
    const tsresol = spec.tsresol ?? 6;
    const offset = spec.tsoffset ?? 0;
    const units = timestampUnits(frame.seconds, frame.nanos, tsresol, offset);
    const exponent = BigInt(tsresol & 0x7f);
    const perSecond = (tsresol & 0x80) !== 0 ? 1n << exponent : 10n ** exponent;
    return {
      seconds: Number(units / perSecond) + offset,
      nanos: Number(((units % perSecond) * 1_000_000_000n) / perSecond),
      caplen: frame.bytes.length,
      wirelen: frame.wirelen ?? frame.bytes.length,
      linktype: spec.linktype ?? LINKTYPE.ETHERNET,
      bytes: frame.bytes,
    };
  });
}

function withoutOffsets(frames: CollectedFrame[]) {
  return frames.map(({ fileOffset: _, ...rest }) => rest);
}

/** Block starts of a well-formed pcapng, by walking its lengths. */
function blockOffsets(file: Uint8Array, little = true): number[] {
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const offsets: number[] = [];
  for (let pos = 0; pos < file.length; pos += view.getUint32(pos + 4, little)) offsets.push(pos);
  return offsets;
}

function setUint32(file: Uint8Array, at: number, value: number, little = true): Uint8Array {
  new DataView(file.buffer, file.byteOffset, file.byteLength).setUint32(at, value, little);
  return file;
}

const interfaces: PcapngInterfaceSpec[] = [
  { linktype: LINKTYPE.ETHERNET }, // default 10^-6
  { linktype: LINKTYPE.LINUX_SLL, tsresol: 9 }, // nanoseconds
  { linktype: LINKTYPE.RAW, tsresol: 0x80 | 10, tsoffset: 3600 }, // 1/1024 s, offset one hour
  { linktype: LINKTYPE.IPV4, tsresol: 3, snaplen: 0 }, // milliseconds, no snap limit
  { linktype: LINKTYPE.LINUX_SLL2, tsresol: 12, tsoffset: 1_699_999_000 }, // picoseconds (BigInt path); 2^64 ps is 213 days
];

describe('PcapngParser', () => {
  const frames = syntheticFrames(60, 11, { interfaces: interfaces.length, cutFraction: 0.2 });

  it.each([false, true])(
    'should read EPBs on interfaces of different link types and resolutions (bigEndian=%s)',
    (bigEndian) => {
      const file = writePcapng(frames, { interfaces, bigEndian });
      const parser = new PcapngParser();
      const { frames: read, problem } = collectFrames(parser, file);
      expect(problem).toBeUndefined();
      expect(withoutOffsets(read)).toEqual(expected(frames, interfaces));
      const offsets = blockOffsets(file, !bigEndian);
      expect(read.map((frame) => frame.fileOffset)).toEqual(offsets.slice(1 + interfaces.length));
    },
  );

  it('should read obsolete Packet Blocks like EPBs', () => {
    const { frames: read, problem } = collectFrames(
      new PcapngParser(),
      writePcapng(frames, { interfaces, packetBlock: 'pb' }),
    );
    expect(problem).toBeUndefined();
    expect(withoutOffsets(read)).toEqual(expected(frames, interfaces));
  });

  it('should skip NRB, ISB, custom and local blocks and packet options', () => {
    const parser = new PcapngParser();
    const { frames: read, problem } = collectFrames(parser, writePcapng(frames, { interfaces, otherBlocks: true }));
    expect(problem).toBeUndefined();
    expect(withoutOffsets(read)).toEqual(expected(frames, interfaces));
    expect(parser.skippedBlocks).toBeGreaterThan(20);
  });

  it('should read Simple Packet Blocks on interface 0, cut to the snaplen, repeating the last time', () => {
    const spbFrames = frames.slice(0, 8).map((frame) => ({ ...frame, interfaceId: 0 }));
    const snaplen = 200;
    const epb = writePcapng(spbFrames.slice(0, 1), { interfaces: [{ snaplen }] });
    const spb = writePcapng(spbFrames, { interfaces: [{ snaplen }], packetBlock: 'spb' });
    // One section: the EPB section, then the SPB section's blocks without its SHB and IDB.
    const spbBlocks = spb.subarray(blockOffsets(spb)[2]);
    const parser = new PcapngParser();
    const { frames: read, problem } = collectFrames(parser, new Uint8Array([...epb, ...spbBlocks]));
    expect(problem).toBeUndefined();
    const first = expected(spbFrames.slice(0, 1))[0];
    expect(read).toHaveLength(1 + spbFrames.length);
    spbFrames.forEach((frame, n) => {
      const got = read[n + 1];
      const caplen = Math.min(frame.wirelen ?? frame.bytes.length, snaplen, (frame.bytes.length + 3) & ~3);
      expect(got?.caplen).toBe(caplen);
      expect(got?.wirelen).toBe(frame.wirelen ?? frame.bytes.length);
      expect(got?.bytes).toEqual(new Uint8Array([...frame.bytes, 0, 0, 0]).subarray(0, caplen));
      expect([got?.seconds, got?.nanos]).toEqual([first?.seconds, first?.nanos]);
    });
    // Only the EPB can exceed the snaplen: SPB captured lengths are cut to it.
    expect(parser.caplenOverSnaplen).toBe((spbFrames[0]?.bytes.length ?? 0) > snaplen ? 1 : 0);
  });

  it('should read two sections of opposite byte order, each with its own interfaces', () => {
    const a = frames.slice(0, 20);
    const b = frames.slice(20, 40).map((frame) => ({ ...frame, interfaceId: (frame.interfaceId ?? 0) % 2 }));
    const bInterfaces = [{ linktype: LINKTYPE.NULL, tsresol: 9 }, { linktype: LINKTYPE.LOOP }];
    const file = new Uint8Array([
      ...writePcapng(a, { interfaces }),
      ...writePcapng(b, { interfaces: bInterfaces, bigEndian: true }),
    ]);
    const parser = new PcapngParser();
    const { frames: read, problem } = collectFrames(parser, file, () => 100);
    expect(problem).toBeUndefined();
    expect(withoutOffsets(read)).toEqual([...expected(a, interfaces), ...expected(b, bInterfaces)]);
    expect(parser.sections).toBe(2);
  });

  it('should skip a section with an unknown major version and read the next one', () => {
    const file = new Uint8Array([
      ...writePcapng(frames.slice(0, 5), { majorVersion: 2 }),
      ...writePcapng(frames.slice(5, 10).map((frame) => ({ ...frame, interfaceId: 0 }))),
    ]);
    const parser = new PcapngParser();
    const { frames: read, problem } = collectFrames(parser, file);
    expect(problem).toBeUndefined();
    expect(read).toHaveLength(5);
    expect(parser.skippedSections).toBe(1);
  });

  it('should report unsupported-version when every section was skipped', () => {
    const { problem } = collectFrames(new PcapngParser(), writePcapng(frames.slice(0, 3), { majorVersion: 2 }));
    expect(problem?.problem).toBe('unsupported-version');
    expect(problem?.message).toContain('version 2.0');
  });

  it('should yield the same frames however the bytes are split into chunks', () => {
    const file = writePcapng(frames, { interfaces, otherBlocks: true });
    const whole = collectFrames(new PcapngParser(), file);
    const random = seededRandom(5);
    for (const split of [() => 1, () => 5, () => 12, () => 1 + Math.floor(random() * 2000)]) {
      expect(collectFrames(new PcapngParser(), file, split)).toEqual(whole);
    }
  });

  describe('on bad input', () => {
    const sound = writePcapng(frames.slice(0, 6).map((frame) => ({ ...frame, interfaceId: 0 })));
    const offsets = blockOffsets(sound);
    const fourth = offsets[5] ?? 0; // SHB, IDB, then EPBs 0..3: the fourth EPB

    function read(file: Uint8Array, chunk = 64) {
      return collectFrames(new PcapngParser(), file, () => chunk);
    }

    it('should keep earlier frames and report a truncated last block', () => {
      const last = offsets.at(-1) ?? 0;
      const { frames: got, problem } = read(sound.subarray(0, sound.length - 2));
      expect(got).toHaveLength(5);
      expect(problem?.problem).toBe('truncated-record');
      expect(problem?.offset).toBe(last);
      expect(problem?.framesRead).toBe(5);
      expect(problem?.message).toMatch(
        /^truncated record at byte offset \d+: the data ends \d+ bytes into a \d+-byte Enhanced Packet Block$/,
      );
    });

    it('should report a leading and trailing block length that disagree', () => {
      const file = sound.slice();
      const length = new DataView(file.buffer).getUint32(fourth + 4, true);
      setUint32(file, fourth + length - 4, length + 4);
      const { frames: got, problem } = read(file);
      expect(got).toHaveLength(3);
      expect(problem?.problem).toBe('bad-block-length');
      expect(problem?.offset).toBe(fourth);
      expect(problem?.message).toContain(`leading length is ${length} but its trailing copy says ${length + 4}`);
    });

    it('should stop at a zero block length instead of looping', () => {
      const { frames: got, problem } = read(setUint32(sound.slice(), fourth + 4, 0), 1);
      expect(got).toHaveLength(3);
      expect(problem?.problem).toBe('zero-length-block');
      expect(problem?.offset).toBe(fourth);
    });

    it('should reject a block length that is not a multiple of 4, or below 12', () => {
      for (const length of [6, 8, 61, 62, 63]) {
        const { frames: got, problem } = read(setUint32(sound.slice(), fourth + 4, length));
        expect(got).toHaveLength(3);
        expect(problem?.problem).toBe('bad-block-length');
        expect(problem?.offset).toBe(fourth);
      }
    });

    it('should reject a block longer than 16 MiB without waiting for it', () => {
      const { frames: got, problem } = read(setUint32(sound.slice(), fourth + 4, 0x7ffffff0));
      expect(got).toHaveLength(3);
      expect(problem?.problem).toBe('oversized-record');
    });

    it('should report an EPB that refers to an undeclared interface', () => {
      const { frames: got, problem } = read(setUint32(sound.slice(), fourth + 8, 7));
      expect(got).toHaveLength(3);
      expect(problem?.problem).toBe('unknown-interface');
      expect(problem?.message).toContain('refers to interface 7, but this section declares 1 interface(s)');
    });

    it('should report a packet block too short for its captured length, and an oversized caplen', () => {
      const tooLong = read(setUint32(sound.slice(), fourth + 20, 10_000));
      expect(tooLong.problem?.problem).toBe('bad-block-length');
      const oversized = read(setUint32(sound.slice(), fourth + 20, 300_000));
      expect(oversized.problem?.problem).toBe('oversized-record');
      expect(oversized.frames).toHaveLength(3);
    });

    it('should call a Section Header Block with a broken byte-order magic garbage', () => {
      const file = new Uint8Array([...sound, ...setUint32(writePcapng([]), 8, 0x12345678)]);
      const { frames: got, problem } = read(file);
      expect(got).toHaveLength(6);
      expect(problem?.problem).toBe('garbage');
      expect(problem?.offset).toBe(sound.length);
    });

    it('should keep the valid prefix when garbage follows it', () => {
      const file = new Uint8Array([...sound, ...new TextEncoder().encode('trailing junk that is no block!!')]);
      const { frames: got, problem } = read(file);
      expect(got).toHaveLength(6);
      expect(problem?.offset).toBe(sound.length);
      expect(['bad-block-length', 'oversized-record', 'zero-length-block']).toContain(problem?.problem);
    });

    it('should require a Section Header Block first', () => {
      const { problem } = read(sound.subarray(offsets[1] ?? 0));
      expect(problem?.problem).toBe('unknown-format');
    });

    it('should report a truncated first Section Header Block as a truncated header', () => {
      expect(read(sound.subarray(0, 20)).problem?.problem).toBe('truncated-header');
    });

    it('should diagnose the length of a block cut off inside its header', () => {
      // 8 bytes of a block header at the end: its length field is readable, and zero.
      const file = new Uint8Array([...sound, ...pcapngBlock(6, new Uint8Array(0), true).subarray(0, 8)]);
      setUint32(file, sound.length + 4, 0);
      expect(read(file).problem?.problem).toBe('zero-length-block');
      const cut = new Uint8Array([...sound, 6, 0, 0, 0, 64, 0]);
      expect(read(cut).problem?.problem).toBe('truncated-record');
    });
  });
});

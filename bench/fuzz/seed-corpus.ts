/**
 * The inputs the fuzzer starts from: real packets (the demo capture's lab traffic: TCP, UDP, DNS,
 * ARP, ICMP) in short captures of every format variant the readers accept, and the decoders'
 * fixture frames of every link type. Mutating valid files reaches deep into the readers and
 * decoders; random bytes alone would stop at the magic number.
 */
import { readFileSync } from 'node:fs';
import { VALID_FRAMES } from '../../main/engine/decode/fixtures';
import { LINKTYPE } from '../../main/engine/sources/frame-batch';
import { SniffingParser } from '../../main/engine/sources/sniffing-parser';
import type { CaptureFrame } from '../../main/engine/sources/synthetic-frames';
import { writePcap } from '../../main/engine/sources/write-pcap';
import { writePcapng } from '../../main/engine/sources/write-pcapng';

/** Frames of a capture file, copied out of the reader's buffers. */
export function framesOf(bytes: Uint8Array): CaptureFrame[] {
  const parser = new SniffingParser();
  const frames: CaptureFrame[] = [];
  for (const batch of parser.push(bytes)) {
    for (let i = 0; i < batch.count; i++) {
      const offset = batch.offsets[i] ?? 0;
      frames.push({
        seconds: batch.seconds[i] ?? 0,
        nanos: batch.nanos[i] ?? 0,
        wirelen: batch.wirelens[i] ?? 0,
        bytes: batch.data.slice(offset, offset + (batch.caplens[i] ?? 0)),
      });
    }
  }
  const problem = parser.end();
  if (problem !== undefined) throw problem;
  return frames;
}

/** Short captures cut from `demoPath` in every format variant, plus the fixture frames. */
export function seedCorpus(demoPath: string, pieces = 24): Uint8Array[] {
  const demo = framesOf(readFileSync(demoPath));
  const seeds: Uint8Array[] = [];
  for (let piece = 0; piece < pieces; piece++) {
    // Spread the pieces over the capture so every kind of traffic in it is somewhere in the corpus.
    const start = Math.floor((piece / pieces) * Math.max(0, demo.length - 12));
    const frames = demo.slice(start, start + 4 + (piece % 9));
    const interfaces = [{}, { tsresol: 9, linktype: LINKTYPE.ETHERNET }, { tsresol: 0x8a, tsoffset: -7 }];
    const spread = frames.map((frame, index) => ({ ...frame, interfaceId: index % interfaces.length }));
    switch (piece % 6) {
      case 0:
        seeds.push(writePcap(frames));
        break;
      case 1:
        seeds.push(writePcap(frames, { bigEndian: true, nanosecond: true }));
        break;
      case 2:
        seeds.push(writePcap(frames, { snaplen: 96 }));
        break;
      case 3:
        seeds.push(writePcapng(frames));
        break;
      case 4:
        seeds.push(writePcapng(spread, { interfaces, otherBlocks: true, bigEndian: piece % 2 === 0 }));
        break;
      default:
        seeds.push(writePcapng(frames, { packetBlock: piece % 2 === 0 ? 'spb' : 'pb' }));
    }
  }
  // Every link type the decoders know, one fixture capture each (a pcap has one link type).
  const byLinktype = new Map<number, CaptureFrame[]>();
  VALID_FRAMES.forEach((fixture, index) => {
    const frames = byLinktype.get(fixture.linktype) ?? [];
    frames.push({ seconds: 1_700_000_000 + index, nanos: 0, bytes: fixture.bytes });
    byLinktype.set(fixture.linktype, frames);
  });
  for (const [linktype, frames] of byLinktype) seeds.push(writePcap(frames, { linktype }));
  return seeds;
}

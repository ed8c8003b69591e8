/**
 * A typed wrapper around the `pcap-parser` npm package (CommonJS, untyped), the independent
 * reference our PcapParser is checked against. It reads classic microsecond pcap only. Test use.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';

export interface ReferencePacket {
  seconds: number;
  microseconds: number;
  caplen: number;
  wirelen: number;
  bytes: Uint8Array;
}

export interface ReferenceGlobalHeader {
  majorVersion: number;
  minorVersion: number;
  snapshotLength: number;
  linkLayerType: number;
}

/** The parts of pcap-parser's API (lib/pcap-parser.js) used here. */
interface PcapParserEvents {
  on(event: 'globalHeader', listener: (header: ReferenceGlobalHeader) => void): this;
  on(event: 'packet', listener: (packet: { header: PacketHeader; data: Buffer }) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}

interface PacketHeader {
  timestampSeconds: number;
  timestampMicroseconds: number;
  capturedLength: number;
  originalLength: number;
}

interface PcapParserModule {
  parse(input: string | NodeJS.ReadableStream): PcapParserEvents;
}

const pcapParser = createRequire(import.meta.url)('pcap-parser') as PcapParserModule;

/** Reads `bytes` (fed as chunks of `chunkBytes`) with pcap-parser. */
export function readWithPcapParser(
  bytes: Uint8Array,
  chunkBytes = 65_536,
): Promise<{ header: ReferenceGlobalHeader | undefined; packets: ReferencePacket[] }> {
  const chunks: Buffer[] = [];
  for (let pos = 0; pos < bytes.length; pos += chunkBytes) {
    chunks.push(Buffer.from(bytes.subarray(pos, pos + chunkBytes)));
  }
  return new Promise((resolve, reject) => {
    let header: ReferenceGlobalHeader | undefined;
    const packets: ReferencePacket[] = [];
    pcapParser
      .parse(Readable.from(chunks))
      .on('globalHeader', (value) => (header = value))
      .on('packet', ({ header: h, data }) => {
        packets.push({
          seconds: h.timestampSeconds,
          microseconds: h.timestampMicroseconds,
          caplen: h.capturedLength,
          wirelen: h.originalLength,
          bytes: new Uint8Array(data),
        });
      })
      .on('error', reject)
      .on('end', () => resolve({ header, packets }));
  });
}

/** Reads a file on disk with pcap-parser, counting packets only (for throughput comparisons). */
export function countWithPcapParser(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let count = 0;
    pcapParser
      .parse(path)
      .on('packet', () => count++)
      .on('error', reject)
      .on('end', () => resolve(count));
  });
}

/**
 * Capture files for end-to-end tests, written in streaming chunks so large ones (millions of
 * packets) never sit whole in memory. Frames come from the decoders' commented hex fixtures.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { ETHERNET_IPV4, IPV4_UDP_DNS, UDP_DNS_QUERY } from '../../main/engine/decode/fixtures';
import { hex } from '../../main/engine/decode/hex';
import type { CaptureFrame } from '../../main/engine/sources/synthetic-frames';
import { writePcap } from '../../main/engine/sources/write-pcap';

const PCAP_HEADER_BYTES = 24;
const CHUNK_FRAMES = 50_000;

/**
 * A classic pcap of `packets` DNS queries from 10.0.0.5 to 8.8.8.8, ten thousand per second of
 * capture time, spread over `flows` source ports (so `flows` UDP flows while the capture spans
 * less than the flow table's active timeout).
 */
export async function writeDnsCapture(path: string, packets: number, flows: number): Promise<void> {
  // One source port per flow, from 1024 up: past 64,512 flows the ports would repeat.
  if (flows < 1 || flows > 65_536 - 1024) throw new RangeError(`writeDnsCapture makes 1 to 64,512 flows, not ${flows}`);
  const template = hex(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY);
  const sourcePortAt = 14 + 20; // Ethernet header, then a 20-byte IPv4 header
  const out = createWriteStream(path);
  for (let first = 0; first < packets; first += CHUNK_FRAMES) {
    const frames: CaptureFrame[] = [];
    for (let index = first; index < Math.min(packets, first + CHUNK_FRAMES); index++) {
      const bytes = template.slice();
      const port = 1024 + (index % flows);
      bytes[sourcePortAt] = port >> 8;
      bytes[sourcePortAt + 1] = port & 0xff;
      frames.push({ seconds: 1_700_000_000 + Math.floor(index / 10_000), nanos: (index % 10_000) * 100_000, bytes });
    }
    const chunk = writePcap(frames);
    // The global header once, at the start of the file; records after it.
    if (!out.write(first === 0 ? chunk : chunk.subarray(PCAP_HEADER_BYTES))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/**
 * A micro-measurement of decodeFrame, not a test: it prints packets/s for 1M synthetic
 * Ethernet/IPv4 frames (70% TCP with timestamps, 30% UDP DNS), decoded the way the pipeline will —
 * one Packet reused across a FrameBatch — next to the peer already in the project, `cap`'s JS
 * decoders (Ethernet -> IPV4 -> TCP/UDP, which build objects and address strings per packet).
 *
 * Run from the repository root (Node 20 has no TypeScript loader, so bundle it first):
 *   npx esbuild main/engine/decode/measure-throughput.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/measure-throughput.mjs && node /tmp/measure-throughput.mjs
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { decodeFrame } from './decode-frame';
import { ETHERNET_IPV4, IPV4_UDP_DNS, UDP_DNS_QUERY } from './fixtures';
import { hex } from './hex';
import { Packet } from './packet';

const FRAMES = 1_000_000;
const ROUNDS = 5;
const LINKTYPE_ETHERNET = 1;

const TCP_TEMPLATE = hex(
  ETHERNET_IPV4 +
    '45' + // version 4, IHL 5
    '00' + // DSCP, ECN
    '0034' + // total length 52 (rewritten per frame)
    '0000' + // identification
    '4000' + // DF
    '40' + // TTL 64
    '06' + // protocol TCP
    '0000' + // checksum
    'c0a80001' + // source (rewritten per frame)
    'c0a80002' + // destination
    'c350' + // source port (rewritten per frame)
    '01bb' + // destination port 443
    '00000001' + // sequence number
    '00000001' + // acknowledgment number
    '80' + // data offset 8 (32 bytes)
    '18' + // flags PSH, ACK
    '01f5' + // window 501
    '0000' + // checksum
    '0000' + // urgent pointer
    '0101' + // NOP, NOP
    '080a0001e24000012c50', // timestamps
);
const UDP_TEMPLATE = hex(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY);

interface Batch {
  data: Uint8Array;
  offsets: Uint32Array;
  caplens: Uint32Array;
}

/** 1M frames back to back in one buffer, as a Source hands them on; a seeded mix so runs compare. */
function buildBatch(): Batch {
  let seed = 12345;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const offsets = new Uint32Array(FRAMES);
  const caplens = new Uint32Array(FRAMES);
  const payloads = new Uint8Array(FRAMES);
  const isTcp = new Uint8Array(FRAMES);
  let total = 0;
  for (let i = 0; i < FRAMES; i++) {
    isTcp[i] = random() < 0.7 ? 1 : 0;
    payloads[i] = isTcp[i] === 1 ? Math.floor(random() * 200) : 0;
    offsets[i] = total;
    caplens[i] = (isTcp[i] === 1 ? TCP_TEMPLATE.length : UDP_TEMPLATE.length) + (payloads[i] ?? 0);
    total += caplens[i] ?? 0;
  }
  const data = new Uint8Array(total);
  for (let i = 0; i < FRAMES; i++) {
    const at = offsets[i] ?? 0;
    if (isTcp[i] === 1) {
      data.set(TCP_TEMPLATE, at);
      const ipLength = 52 + (payloads[i] ?? 0);
      data[at + 16] = ipLength >> 8;
      data[at + 17] = ipLength & 0xff;
      data[at + 29] = i & 0xff; // source address low byte
      data[at + 34] = (i >> 8) & 0xff; // source port
      data[at + 35] = i & 0xff;
    } else {
      data.set(UDP_TEMPLATE, at);
      data[at + 29] = i & 0xff;
    }
  }
  return { data, offsets, caplens };
}

function measureWirewatch(batch: Batch): number {
  const packet = new Packet();
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < FRAMES; i++) {
    const result = decodeFrame(batch.data, batch.offsets[i] ?? 0, batch.caplens[i] ?? 0, LINKTYPE_ETHERNET, packet);
    sink += result + packet.srcPort + packet.payloadLength;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sink === -1) console.log('unreachable');
  return FRAMES / seconds;
}

interface CapDecoded {
  info: { type?: number; protocol?: number; srcport?: number };
  offset: number;
}
type CapDecoder = (buffer: Buffer, offset: number) => CapDecoded;
interface CapDecoders {
  Ethernet: CapDecoder;
  IPV4: CapDecoder;
  TCP: CapDecoder;
  UDP: CapDecoder;
}

function measureCap(batch: Batch, decoders: CapDecoders): number {
  const buffer = Buffer.from(batch.data.buffer, batch.data.byteOffset, batch.data.byteLength);
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < FRAMES; i++) {
    const ethernet = decoders.Ethernet(buffer, batch.offsets[i] ?? 0);
    if (ethernet.info.type !== 0x0800) continue;
    const ip = decoders.IPV4(buffer, ethernet.offset);
    const transport = ip.info.protocol === 6 ? decoders.TCP(buffer, ip.offset) : decoders.UDP(buffer, ip.offset);
    sink += transport.info.srcport ?? 0;
  }
  const seconds = (performance.now() - started) / 1000;
  if (sink === -1) console.log('unreachable');
  return FRAMES / seconds;
}

function loadCap(): CapDecoders | undefined {
  try {
    return createRequire(join(process.cwd(), 'package.json'))('cap/lib/Decoders.js') as CapDecoders;
  } catch (error) {
    console.log(`cap decoders not available (${String(error)}); measuring Wirewatch alone`);
    return undefined;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function format(rate: number): string {
  return `${(rate / 1e6).toFixed(2)} M packets/s`;
}

const batch = buildBatch();
console.log(`${FRAMES} frames, ${(batch.data.length / 1e6).toFixed(0)} MB, ${ROUNDS} rounds (median)`);
const wirewatch: number[] = [];
for (let round = 0; round < ROUNDS; round++) wirewatch.push(measureWirewatch(batch));
console.log(`wirewatch decodeFrame: ${format(median(wirewatch))}`);
const cap = loadCap();
if (cap !== undefined) {
  const peer: number[] = [];
  for (let round = 0; round < ROUNDS; round++) peer.push(measureCap(batch, cap));
  console.log(`cap Decoders (peer):   ${format(median(peer))}`);
}

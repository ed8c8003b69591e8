/**
 * Test helper: fills a Packet the way the decoders would, from readable fields, so flow specs say
 * what a packet is ("10.0.0.1:1234 → 10.0.0.2:80, SYN, 60 bytes at t=0.5") rather than hex.
 */
import { IPPROTO, L3, LAYER, Packet } from '../decode/packet';

export interface TestPacket {
  /** Capture time, epoch seconds. */
  readonly t: number;
  readonly src: string;
  readonly dst: string;
  readonly srcPort?: number;
  readonly dstPort?: number;
  /** Default TCP. */
  readonly protocol?: number;
  /** TCP_FLAG bits. */
  readonly flags?: number;
  /** IP length (default 40 + payload). */
  readonly length?: number;
  /** Transport payload bytes (default 0). */
  readonly payload?: number;
  readonly window?: number;
}

/** Overwrites `packet` (reused, like the decoder's) with `fields` and returns it. */
export function fillPacket(packet: Packet, fields: TestPacket): Packet {
  packet.reset();
  const v6 = fields.src.includes(':');
  const protocol = fields.protocol ?? IPPROTO.TCP;
  const payload = fields.payload ?? 0;
  const ipHeader = v6 ? 40 : 20;
  const transportHeader = protocol === IPPROTO.TCP ? 20 : protocol === IPPROTO.UDP ? 8 : 4;
  packet.seconds = Math.floor(fields.t);
  packet.nanos = Math.round((fields.t - packet.seconds) * 1e9);
  packet.l3 = v6 ? L3.IPV6 : L3.IPV4;
  packet.depth = LAYER.TRANSPORT;
  writeAddress(fields.src, packet.src);
  writeAddress(fields.dst, packet.dst);
  packet.protocol = protocol;
  packet.ipHeaderLength = ipHeader;
  packet.ipLength = fields.length ?? ipHeader + transportHeader + payload;
  packet.payloadLength = payload;
  packet.srcPort = fields.srcPort ?? 0;
  packet.dstPort = fields.dstPort ?? 0;
  packet.tcpFlags = fields.flags ?? 0;
  packet.tcpWindow = fields.window ?? 0;
  packet.caplen = packet.wirelen = packet.ipLength + 14;
  return packet;
}

/** A fresh Packet filled with `fields`. */
export function testPacket(fields: TestPacket): Packet {
  return fillPacket(new Packet(), fields);
}

/** Dotted quad into word 0, or IPv6 text (with at most one "::") into words 0–3. */
function writeAddress(text: string, words: Uint32Array): void {
  words.fill(0);
  if (!text.includes(':')) {
    words[0] = text.split('.').reduce((word, octet) => word * 256 + Number(octet), 0);
    return;
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups = [
    ...headGroups,
    ...new Array<string>(8 - headGroups.length - tailGroups.length).fill('0'),
    ...tailGroups,
  ];
  for (let i = 0; i < 4; i++) {
    words[i] = parseInt(groups[2 * i] ?? '0', 16) * 0x10000 + parseInt(groups[2 * i + 1] ?? '0', 16);
  }
}

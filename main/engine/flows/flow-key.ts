/**
 * A flow's key as ten 32-bit words, and a hash that is the same in both directions.
 *
 * Layout: words 0–3 the source address, 4–7 the destination (IPv4 in word 0, the rest 0), word 8
 * source port << 16 | destination port, word 9 IP version << 8 | protocol. Ports count only for TCP
 * and UDP with their header decoded; other protocols (ICMP, ICMPv6, GRE, ESP…) and packets whose
 * transport header is absent (non-first fragments, snap-length cuts) key on addresses and protocol
 * alone, so every IP packet lands in some flow. ICMP echo ids are not split out: the decoder does
 * not report them.
 *
 * Building the key copies numbers into a reused Uint32Array (flows keep theirs in their row), so keying a packet allocates nothing
 * (no per-packet string, unlike CICFlowMeter's "src-dst-sport-dport-proto" map keys).
 */
import { IPPROTO, L3, LAYER, type Packet } from '../decode/packet';

export const KEY_WORDS = 10;
/** Word of the ports (source << 16 | destination) and of the IP version << 8 | protocol. */
export const KEY_PORTS = 8;
export const KEY_PROTO = 9;
const PORTS = KEY_PORTS;
const PROTO = KEY_PROTO;

/**
 * Writes the packet's key into `key` (KEY_WORDS words, source side first). Returns false, leaving
 * `key` unspecified, for packets that belong to no flow: non-IP, or the IP header not decoded.
 */
export function writeFlowKey(packet: Packet, key: Uint32Array): boolean {
  const l3 = packet.l3;
  if ((l3 !== L3.IPV4 && l3 !== L3.IPV6) || packet.depth < LAYER.NETWORK) return false;
  const src = packet.src;
  const dst = packet.dst;
  key[0] = src[0] ?? 0;
  key[4] = dst[0] ?? 0;
  if (l3 === L3.IPV6) {
    key[1] = src[1] ?? 0;
    key[2] = src[2] ?? 0;
    key[3] = src[3] ?? 0;
    key[5] = dst[1] ?? 0;
    key[6] = dst[2] ?? 0;
    key[7] = dst[3] ?? 0;
  } else {
    // Not trusting words 1–3 to be zero for IPv4 keeps equal flows equal whatever the decoder left there.
    key[1] = key[2] = key[3] = key[5] = key[6] = key[7] = 0;
  }
  const protocol = packet.protocol;
  const hasPorts = (protocol === IPPROTO.TCP || protocol === IPPROTO.UDP) && packet.depth >= LAYER.TRANSPORT;
  key[PORTS] = hasPorts ? (((packet.srcPort & 0xffff) << 16) | (packet.dstPort & 0xffff)) >>> 0 : 0;
  key[PROTO] = (l3 << 8) | (protocol & 0xff);
  return true;
}

/**
 * A 32-bit hash equal for a key and its reverse: each endpoint (address words + port) is hashed
 * alone, and the two are added, which commutes. The final avalanche mix (MurmurHash3's fmix32,
 * Austin Appleby, public domain) spreads the sum over all bits, since the table masks off low bits.
 */
export function flowKeyHash(key: Uint32Array): number {
  const ports = key[PORTS] ?? 0;
  const proto = key[PROTO] ?? 0;
  let a: number;
  let b: number;
  if (proto >>> 8 === L3.IPV6) {
    a = endpointHash6(key[0] ?? 0, key[1] ?? 0, key[2] ?? 0, key[3] ?? 0, ports >>> 16);
    b = endpointHash6(key[4] ?? 0, key[5] ?? 0, key[6] ?? 0, key[7] ?? 0, ports & 0xffff);
  } else {
    a = endpointHash4(key[0] ?? 0, ports >>> 16);
    b = endpointHash4(key[4] ?? 0, ports & 0xffff);
  }
  return fmix32((a + b) ^ Math.imul(proto, 0x9e3779b1));
}

/** True when `stored` (at `offset`, a flow row's key) is `key` with source and destination swapped. */
export function isReverseKey(stored: Float64Array, offset: number, key: Uint32Array): boolean {
  const ports = key[PORTS] ?? 0;
  return (
    stored[offset + PORTS] === (((ports & 0xffff) << 16) | (ports >>> 16)) >>> 0 &&
    stored[offset + PROTO] === key[PROTO] &&
    stored[offset] === key[4] &&
    stored[offset + 4] === key[0] &&
    stored[offset + 1] === key[5] &&
    stored[offset + 2] === key[6] &&
    stored[offset + 3] === key[7] &&
    stored[offset + 5] === key[1] &&
    stored[offset + 6] === key[2] &&
    stored[offset + 7] === key[3]
  );
}

/** True when `stored` (at `offset`, a flow row's key) is `key` as is. */
export function isSameKey(stored: Float64Array, offset: number, key: Uint32Array): boolean {
  return (
    stored[offset + PORTS] === key[PORTS] &&
    stored[offset + PROTO] === key[PROTO] &&
    stored[offset] === key[0] &&
    stored[offset + 4] === key[4] &&
    stored[offset + 1] === key[1] &&
    stored[offset + 2] === key[2] &&
    stored[offset + 3] === key[3] &&
    stored[offset + 5] === key[5] &&
    stored[offset + 6] === key[6] &&
    stored[offset + 7] === key[7]
  );
}

/** Copies `key` into `stored` at `offset`, swapped when `reverse` (the initiator was the destination). */
export function storeKey(stored: Float64Array, offset: number, key: Uint32Array, reverse: boolean): void {
  if (!reverse) {
    stored.set(key, offset);
    return;
  }
  for (let i = 0; i < 4; i++) {
    stored[offset + i] = key[4 + i] ?? 0;
    stored[offset + 4 + i] = key[i] ?? 0;
  }
  const ports = key[PORTS] ?? 0;
  stored[offset + PORTS] = (((ports & 0xffff) << 16) | (ports >>> 16)) >>> 0;
  stored[offset + PROTO] = key[PROTO] ?? 0;
}

/** MurmurHash3 block mix of one word into the running hash. */
function mixWord(hash: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  const h = hash ^ k;
  return Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
}

function endpointHash4(address: number, port: number): number {
  return mixWord(mixWord(0x5bd1e995, address), port);
}

function endpointHash6(w0: number, w1: number, w2: number, w3: number, port: number): number {
  return mixWord(mixWord(mixWord(mixWord(mixWord(0x5bd1e995, w0), w1), w2), w3), port);
}

/** MurmurHash3's finaliser: every input bit affects every output bit. */
function fmix32(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

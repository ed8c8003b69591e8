/**
 * Hosts by bytes over the last few seconds of a live capture, for the Live Capture page. Counted per
 * packet on the address as a number (IPv4 word, or a hash of the IPv6 words), so the hot path makes
 * no string; names are made when a host is first seen in a window, and a window holds a bounded
 * number of hosts (a spoofed flood counts the rest as one "other").
 */
import { ipToString, L3, type Packet } from '../engine/decode';
import type { TalkerCount } from '../../preload/api/analysis';

/** Hosts one window tracks. */
const MAX_HOSTS = 4096;
/** Seconds a window covers; the report merges the last full window with the current one. */
export const TALKER_WINDOW_SECONDS = 2;

interface Tally {
  name: string;
  packets: number;
  bytes: number;
}

export class RecentTalkers {
  #current = new Map<number, Tally>();
  #previous = new Map<number, Tally>();
  #windowStart = 0;

  add(packet: Packet): void {
    if (packet.l3 !== L3.IPV4 && packet.l3 !== L3.IPV6) return;
    this.#count(packet, packet.src);
    if (!sameAddress(packet)) this.#count(packet, packet.dst);
  }

  /** Starts a new window when the current one is old enough; `now` in seconds. */
  roll(now: number): void {
    if (now - this.#windowStart < TALKER_WINDOW_SECONDS) return;
    this.#windowStart = now;
    this.#previous = this.#current;
    this.#current = new Map();
  }

  top(count: number): TalkerCount[] {
    const merged = new Map<string, TalkerCount>();
    for (const window of [this.#previous, this.#current]) {
      for (const tally of window.values()) {
        const known = merged.get(tally.name);
        merged.set(tally.name, {
          address: tally.name,
          packets: (known?.packets ?? 0) + tally.packets,
          bytes: (known?.bytes ?? 0) + tally.bytes,
        });
      }
    }
    return [...merged.values()].sort((a, b) => b.bytes - a.bytes).slice(0, count);
  }

  #count(packet: Packet, words: Uint32Array): void {
    const key = packet.l3 === L3.IPV4 ? (words[0] ?? 0) : ipv6Key(words);
    let tally = this.#current.get(key);
    if (tally === undefined) {
      const name = this.#current.size >= MAX_HOSTS ? 'other' : ipToString(packet.l3, words);
      const slot = name === 'other' ? -1 : key;
      tally = this.#current.get(slot) ?? { name, packets: 0, bytes: 0 };
      this.#current.set(slot, tally);
    }
    tally.packets += 1;
    tally.bytes += packet.wirelen;
  }
}

function sameAddress(packet: Packet): boolean {
  for (let i = 0; i < 4; i++) if (packet.src[i] !== packet.dst[i]) return false;
  return true;
}

/** A number standing for an IPv6 address, outside the IPv4 range (collisions merge two hosts' counts). */
function ipv6Key(words: Uint32Array): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < 4; i++) hash = Math.imul(hash ^ (words[i] ?? 0), 0x01000193);
  return 2 ** 32 + (hash >>> 0);
}

/**
 * Mutations of capture files, the kinds that break parsers in practice: bit flips, cuts, inserted
 * and deleted runs, duplicated pieces, splices with another input, and length-like fields set to
 * boundary values (pcap record lengths sit anywhere; pcapng block lengths on 4-byte boundaries).
 */
import { concatBytes } from '../../common/concat-bytes';

export type Random = () => number;

/** Values at the edges of the readers' checks (MAX_CAPLEN 262,144; 16 MiB blocks; sign and width limits). */
const INTERESTING = [
  0,
  1,
  4,
  8,
  11,
  12,
  16,
  20,
  24,
  28,
  32,
  0x7f,
  0x80,
  0xff,
  0x100,
  0xffff,
  0x10000,
  262_144,
  262_145,
  16 * 1024 * 1024,
  16 * 1024 * 1024 + 4,
  0x7fffffff,
  0x80000000,
  0xfffffffc,
  0xffffffff,
];

const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/** One random mutation of `input` (a new array; `input` is never changed), `other` for splices. */
export function mutateOnce(input: Uint8Array, other: Uint8Array, random: Random): Uint8Array {
  const at = Math.floor(random() * input.length);
  switch (Math.floor(random() * 9)) {
    case 0: {
      const bytes = input.slice();
      for (let flips = 1 + Math.floor(random() * 8); flips > 0; flips--) {
        const i = Math.floor(random() * bytes.length);
        bytes[i] = (bytes[i] ?? 0) ^ (1 << Math.floor(random() * 8));
      }
      return bytes;
    }
    case 1:
      return input.slice(0, at);
    case 2: {
      const inserted = Uint8Array.from({ length: 1 + Math.floor(random() * 16) }, () => (random() * 256) | 0);
      return concatBytes([input.subarray(0, at), inserted, input.subarray(at)]);
    }
    case 3:
      return concatBytes([input.subarray(0, at), input.subarray(at + 1 + Math.floor(random() * 32))]);
    case 4: {
      const from = Math.floor(random() * input.length);
      const piece = input.subarray(from, from + 1 + Math.floor(random() * 64));
      return concatBytes([input.subarray(0, at), piece, input.subarray(at)]);
    }
    case 5: {
      // Splice: this input's head, another's tail (a record boundary lands somewhere new).
      const cut = Math.floor(random() * other.length);
      return concatBytes([input.subarray(0, at), other.subarray(cut)]);
    }
    case 6: {
      const bytes = input.slice();
      const where = random() < 0.5 ? at & ~3 : at;
      if (where + 4 <= bytes.length) {
        const value = pick(random, INTERESTING);
        const nudged = random() < 0.3 ? value + Math.floor(random() * 9) - 4 : value;
        new DataView(bytes.buffer).setUint32(where, nudged >>> 0, random() < 0.5);
      }
      return bytes;
    }
    case 7: {
      const bytes = input.slice();
      if (at + 2 <= bytes.length)
        new DataView(bytes.buffer).setUint16(at, pick(random, INTERESTING) & 0xffff, random() < 0.5);
      return bytes;
    }
    default: {
      // A run of one byte value (zeros, 0xff), as a disk or a network cut leaves them.
      const bytes = input.slice();
      bytes.fill(random() < 0.5 ? 0 : 0xff, at, at + 1 + Math.floor(random() * 64));
      return bytes;
    }
  }
}

/** `depth` chained mutations. */
export function mutate(input: Uint8Array, other: Uint8Array, random: Random, depth: number): Uint8Array {
  let bytes = input;
  for (let d = 0; d < depth; d++) bytes = mutateOnce(bytes, other, random);
  return bytes;
}

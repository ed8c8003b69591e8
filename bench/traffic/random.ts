/** The generator's one source of randomness: seeded, so a seed always gives the same capture. */
import { seededRandom } from '../../common/seeded-random';

export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** An integer in [low, high]. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  uint32(): number {
    return Math.floor(this.next() * 4_294_967_296);
  }

  uniform(low: number, high: number): number {
    return low + this.next() * (high - low);
  }

  /** Spread evenly over orders of magnitude (file sizes, link rates). */
  logUniform(low: number, high: number): number {
    return low * Math.pow(high / low, this.next());
  }

  /** Waiting time with the given mean: the gaps between arrivals of a Poisson process. */
  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** The items in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = out[i];
      const b = out[j];
      if (a === undefined || b === undefined) throw new RangeError('shuffle index out of range');
      out[i] = b;
      out[j] = a;
    }
    return out;
  }
}

import { describe, expect, it } from 'vitest';
import { TimestampClock } from './pcapng-clock';
import { seededRandom } from '../../../common/seeded-random';

/** The oracle: the same conversion in BigInt, straight from the definition in §4.2. */
function exact(high: number, low: number, tsresol: number, offset: number): [number, number] {
  const units = (BigInt(high) << 32n) | BigInt(low);
  const exponent = BigInt(tsresol & 0x7f);
  const perSecond = (tsresol & 0x80) !== 0 ? 1n << exponent : 10n ** exponent;
  return [Number(units / perSecond) + offset, Number(((units % perSecond) * 1_000_000_000n) / perSecond)];
}

function convert(clock: TimestampClock, high: number, low: number): [number, number] {
  const seconds = new Float64Array(1);
  const nanos = new Uint32Array(1);
  clock.write(high, low, seconds, nanos, 0);
  return [seconds[0] ?? NaN, nanos[0] ?? NaN];
}

describe('TimestampClock', () => {
  it('should convert nanosecond timestamps since 1970 exactly, beyond 2^53', () => {
    const units = 1_700_000_000_123_456_789n; // > 2^53: a double cannot hold it
    const clock = new TimestampClock(9);
    expect(convert(clock, Number(units >> 32n), Number(units & 0xffffffffn))).toEqual([1_700_000_000, 123_456_789]);
  });

  it('should default to microseconds and add if_tsoffset', () => {
    const units = 1_700_000_000_654_321n;
    const clock = new TimestampClock(undefined, -3600);
    expect(convert(clock, Number(units >> 32n), Number(units & 0xffffffffn))).toEqual([1_699_996_400, 654_321_000]);
  });

  // Decimal 10^0..10^9 (limb arithmetic), 10^12 (BigInt), binary 2^0..2^32 (shifts), 2^40 (BigInt).
  const resolutions = [0, 1, 3, 6, 9, 12, 0x80, 0x88, 0x8a, 0x94, 0x9e, 0xa0, 0xa8];

  it.each(resolutions)('should match the BigInt definition for if_tsresol %i on random counts', (tsresol) => {
    const random = seededRandom(tsresol + 1);
    const clock = new TimestampClock(tsresol, 17);
    for (let n = 0; n < 2000; n++) {
      // Mix small, realistic and extreme upper halves; the fast path ends at high = 2^20.
      const pick = random();
      const high =
        pick < 0.3 ? Math.floor(random() * 0x100000) : pick < 0.9 ? Math.floor(random() * 2 ** 32) : 0xffffffff;
      const low = n % 97 === 0 ? 0xffffffff : Math.floor(random() * 2 ** 32);
      expect(convert(clock, high, low)).toEqual(exact(high, low, tsresol, 17));
    }
  });

  it('should handle the edges of the fast path exactly', () => {
    for (const tsresol of [3, 6, 9]) {
      const clock = new TimestampClock(tsresol);
      for (const high of [0, 1, 0xfffff, 0x100000, 0x100001]) {
        for (const low of [0, 1, 999_999_999, 1_000_000_000, 0xffffffff]) {
          expect(convert(clock, high, low)).toEqual(exact(high, low, tsresol, 0));
        }
      }
    }
  });
});

/**
 * Turns a pcapng timestamp — a 64-bit count of if_tsresol units since the epoch, split into two
 * 32-bit halves, plus if_tsoffset seconds — into whole seconds and nanoseconds, exactly
 * (draft-ietf-opsawg-pcapng §4.2 options if_tsresol and if_tsoffset, §4.3 Timestamp).
 *
 * A 64-bit count does not fit a double (nanoseconds since 1970 pass 2^53 within months), so the
 * division is done on 16-bit limbs that keep every intermediate below 2^53. Resolutions beyond
 * that arithmetic (finer than 10^-9 or 2^-32 s) fall back to BigInt, which is exact but slow;
 * no common capture tool writes them.
 */

/** if_tsresol when the option is absent: 10^-6 s (§4.2). */
export const DEFAULT_TSRESOL = 6;

const TWO_POW_32 = 4_294_967_296;
/** Below this `high`, high·2^32 + low < 2^52: a double holds it exactly with room for rounding checks. */
const FAST_HIGH_LIMIT = 0x100000;

type ClockKind = 'decimal' | 'binary' | 'bigint';

export class TimestampClock {
  private readonly kind: ClockKind;
  /** Units per second when decimal (10^d, d ≤ 9). */
  private readonly unitsPerSecond: number;
  /** Nanoseconds per unit when decimal (10^(9-d)). */
  private readonly nanosPerUnit: number;
  /** The exponent k of a binary resolution 2^-k (k ≤ 32). */
  private readonly binaryExponent: number;
  private readonly bigUnitsPerSecond: bigint;

  /**
   * @param tsresol the raw if_tsresol byte: MSB clear → 10^-value s, MSB set → 2^-(value & 0x7f) s
   * @param offsetSeconds if_tsoffset, added to every timestamp
   */
  constructor(
    readonly tsresol = DEFAULT_TSRESOL,
    readonly offsetSeconds = 0,
  ) {
    const binary = (tsresol & 0x80) !== 0;
    const exponent = tsresol & 0x7f;
    this.binaryExponent = exponent;
    this.unitsPerSecond = binary ? 2 ** exponent : 10 ** exponent;
    this.nanosPerUnit = binary ? 0 : 10 ** Math.max(0, 9 - exponent);
    this.bigUnitsPerSecond = binary ? 1n << BigInt(exponent) : 10n ** BigInt(exponent);
    if (binary) this.kind = exponent <= 32 ? 'binary' : 'bigint';
    else this.kind = exponent <= 9 ? 'decimal' : 'bigint';
  }

  /** Writes the time of `high`·2^32 + `low` units into `seconds[i]` and `nanos[i]`. */
  write(high: number, low: number, seconds: Float64Array, nanos: Uint32Array, i: number): void {
    if (this.kind === 'decimal') {
      const perSecond = this.unitsPerSecond;
      if (high < FAST_HIGH_LIMIT) {
        const units = high * TWO_POW_32 + low;
        let whole = Math.floor(units / perSecond);
        let rest = units - whole * perSecond;
        // The quotient of two exact doubles can round up across an integer; step back if so.
        if (rest < 0) {
          whole -= 1;
          rest += perSecond;
        }
        seconds[i] = whole + this.offsetSeconds;
        nanos[i] = rest * this.nanosPerUnit;
        return;
      }
      this.writeDecimalLimbs(high, low, seconds, nanos, i);
      return;
    }
    if (this.kind === 'binary') {
      const k = this.binaryExponent;
      // 2^-k resolution: the seconds are the count shifted right by k, the fraction its low k bits.
      const fraction = k === 32 ? low : low % this.unitsPerSecond;
      seconds[i] = high * 2 ** (32 - k) + (low - fraction) / this.unitsPerSecond + this.offsetSeconds;
      // fraction·10^9/2^k = fraction·5^9·2^9/2^k; fraction·5^9 < 2^53, so this is exact.
      nanos[i] = k >= 9 ? Math.floor((fraction * 1_953_125) / 2 ** (k - 9)) : fraction * 1_953_125 * 2 ** (9 - k);
      return;
    }
    this.writeBigInt(high, low, seconds, nanos, i);
  }

  /**
   * Long division of high·2^32 + low by 10^d (< 2^30) in 16-bit limbs: every partial dividend is
   * below 10^9·2^16 < 2^46, so each step is exact in doubles.
   */
  private writeDecimalLimbs(high: number, low: number, seconds: Float64Array, nanos: Uint32Array, i: number): void {
    const perSecond = this.unitsPerSecond;
    const [q0, r0] = divide(high, perSecond);
    const [q1, r1] = divide(r0 * 65_536 + (low >>> 16), perSecond);
    const [q2, r2] = divide(r1 * 65_536 + (low & 0xffff), perSecond);
    seconds[i] = q0 * TWO_POW_32 + q1 * 65_536 + q2 + this.offsetSeconds;
    nanos[i] = r2 * this.nanosPerUnit;
  }

  private writeBigInt(high: number, low: number, seconds: Float64Array, nanos: Uint32Array, i: number): void {
    const units = (BigInt(high) << 32n) | BigInt(low);
    const perSecond = this.bigUnitsPerSecond;
    seconds[i] = Number(units / perSecond) + this.offsetSeconds;
    nanos[i] = Number(((units % perSecond) * 1_000_000_000n) / perSecond);
  }
}

/** Quotient and remainder of non-negative integers below 2^53, corrected for rounding. */
function divide(dividend: number, divisor: number): [number, number] {
  let quotient = Math.floor(dividend / divisor);
  let remainder = dividend - quotient * divisor;
  if (remainder < 0) {
    quotient -= 1;
    remainder += divisor;
  } else if (remainder >= divisor) {
    quotient += 1;
    remainder -= divisor;
  }
  return [quotient, remainder];
}

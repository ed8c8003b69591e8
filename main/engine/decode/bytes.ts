/**
 * Big-endian reads straight from the frame's bytes: no DataView (one per packet would allocate),
 * no Buffer (the engine also runs where Buffer is foreign). Callers check bounds first; the `?? 0`
 * keeps an out-of-range read a harmless 0 for the type checker, and costs nothing once V8 has seen
 * only in-range reads.
 */

export function readU8(data: Uint8Array, offset: number): number {
  return data[offset] ?? 0;
}

export function readU16(data: Uint8Array, offset: number): number {
  return ((data[offset] ?? 0) << 8) | (data[offset + 1] ?? 0);
}

/** Unsigned: `>>> 0` keeps values ≥ 2^31 positive. */
export function readU32(data: Uint8Array, offset: number): number {
  return (
    (((data[offset] ?? 0) << 24) |
      ((data[offset + 1] ?? 0) << 16) |
      ((data[offset + 2] ?? 0) << 8) |
      (data[offset + 3] ?? 0)) >>>
    0
  );
}

/** Little-endian 32-bit, for BSD loopback's host-order address family. */
export function readU32Le(data: Uint8Array, offset: number): number {
  return (
    ((data[offset] ?? 0) |
      ((data[offset + 1] ?? 0) << 8) |
      ((data[offset + 2] ?? 0) << 16) |
      ((data[offset + 3] ?? 0) << 24)) >>>
    0
  );
}

/** A 48-bit MAC address as one number: exact, since a float64 holds integers up to 2^53. */
export function readU48(data: Uint8Array, offset: number): number {
  return readU16(data, offset) * 0x1_0000_0000 + readU32(data, offset + 2);
}

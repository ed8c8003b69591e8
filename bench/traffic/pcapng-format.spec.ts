import { describe, expect, it } from 'vitest';
import { PcapngFormat } from './pcapng-format';

function timestamp(format: PcapngFormat, seconds: number, nanos: number): bigint {
  const view = new DataView(new ArrayBuffer(format.recordLength(60)));
  format.writeRecord(view, 0, seconds, nanos, 60);
  return (BigInt(view.getUint32(12, true)) << 32n) | BigInt(view.getUint32(16, true));
}

describe('PcapngFormat', () => {
  it('should store timestamps exactly, beyond the 53 bits a double holds', () => {
    const nano = new PcapngFormat(true);
    const micro = new PcapngFormat(false);
    for (const [seconds, nanos] of [
      [1_750_064_400, 999_999_999],
      [4_294_967_295, 123_456_789],
      [65_535, 1],
      [0, 0],
    ] as const) {
      expect(timestamp(nano, seconds, nanos)).toBe(BigInt(seconds) * 1_000_000_000n + BigInt(nanos));
      expect(timestamp(micro, seconds, nanos)).toBe(BigInt(seconds) * 1_000_000n + BigInt(Math.floor(nanos / 1000)));
    }
  });

  it('should pad the frame to 32 bits and end the block with its length', () => {
    const format = new PcapngFormat(false);
    expect(format.recordLength(61)).toBe(28 + 64 + 4);
    const view = new DataView(new ArrayBuffer(format.recordLength(61)));
    expect(format.writeRecord(view, 0, 1, 0, 61)).toBe(28);
    expect(view.getUint32(4, true)).toBe(96);
    expect(view.getUint32(92, true)).toBe(96);
  });
});

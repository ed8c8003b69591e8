import { describe, expect, it } from 'vitest';
import { StraddleBuffer } from './straddle-buffer';

describe('StraddleBuffer', () => {
  it('should gather a record across chunks and hand it over without keeping it', () => {
    const buffer = new StraddleBuffer();
    expect(buffer.append(Uint8Array.of(1, 2, 3), 1, 4)).toBe(2); // takes 2, 3
    expect(buffer.append(Uint8Array.of(4, 5, 6), 0, 4)).toBe(2); // takes 4, 5: 4 bytes held
    expect(buffer.append(Uint8Array.of(7), 0, 4)).toBe(0); // already full
    expect(buffer.append(new Uint8Array(100).fill(9), 0, 70)).toBe(66); // grows to the record length
    const record = buffer.take();
    expect(record.length).toBe(70);
    expect([...record.subarray(0, 5)]).toEqual([2, 3, 4, 5, 9]);
    expect(buffer.length).toBe(0);
    buffer.append(Uint8Array.of(8), 0, 1);
    expect(record[0]).toBe(2); // the handed-over record is not reused
  });
});

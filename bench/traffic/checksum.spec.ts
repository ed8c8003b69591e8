import { describe, expect, it } from 'vitest';
import { hex } from '../../main/engine/decode/hex';
import { finishChecksum, sumWords } from './checksum';

describe('the Internet checksum', () => {
  it('should give the checksum of a known IPv4 header', () => {
    const header = hex(
      '4500' + // version 4, IHL 5, TOS 0
        '0073' + // total length 115
        '0000' + // identification 0
        '4000' + // DF
        '4011' + // TTL 64, protocol UDP
        '0000' + // checksum, zero while computing
        'c0a80001' + // source 192.168.0.1
        'c0a800c7', // destination 192.168.0.199
    );
    expect(finishChecksum(sumWords(header, 0, header.length)).toString(16)).toBe('b861');
  });

  it('should verify to zero once the checksum is in place', () => {
    const bytes = hex('450000730000400040110000c0a80001c0a800c7');
    const checksum = finishChecksum(sumWords(bytes, 0, bytes.length));
    bytes[10] = checksum >>> 8;
    bytes[11] = checksum & 0xff;
    expect(finishChecksum(sumWords(bytes, 0, bytes.length))).toBe(0);
  });

  it('should pad an odd last byte with zero (RFC 1071 §1)', () => {
    expect(sumWords(hex('0102ab'), 0, 3)).toBe(0x0102 + 0xab00);
  });
});

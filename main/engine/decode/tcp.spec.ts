import { describe, expect, it } from 'vitest';
import { IPV4_TCP_SYN, TCP_SYN, TCP_SYN_ACK } from './fixtures';
import { hex } from './hex';
import { decodeIpv4 } from './ipv4';
import { LAYER, Packet, TCP_FLAG } from './packet';
import { DECODE } from './result';
import { decodeTcp } from './tcp';

function decode(bytes: Uint8Array): { result: number; p: Packet } {
  const p = new Packet();
  const result = decodeTcp(bytes, 0, bytes.length, p);
  return { result, p };
}

/** A TCP header whose data offset covers `options` (hex, a multiple of 4 bytes). */
function tcpWithOptions(options: string): Uint8Array {
  const words = options.length / 8;
  return hex(
    '1f90' + // source port 8080
      '01bb' + // destination port 443
      '00000001' + // sequence number 1
      '00000002' + // acknowledgment number 2
      (5 + words).toString(16) +
      '0' + // data offset 5 + option words, reserved
      '10' + // flags ACK
      '0200' + // window 512
      '0000' + // checksum
      '0000' + // urgent pointer
      options,
  );
}

describe('decodeTcp', () => {
  it('should read ports, sequence numbers, flags, window and the SYN options', () => {
    const { result, p } = decode(hex(TCP_SYN));
    expect(result).toBe(DECODE.OK);
    expect([p.srcPort, p.dstPort]).toEqual([50000, 80]);
    expect([p.tcpSeq, p.tcpAck]).toEqual([100, 0]);
    expect(p.tcpFlags).toBe(TCP_FLAG.SYN);
    expect(p.tcpWindow).toBe(64240);
    expect(p.tcpMss).toBe(1460);
    expect(p.tcpSackPermitted).toBe(true);
    expect([p.tcpTimestamp, p.tcpTsVal, p.tcpTsEcr]).toEqual([true, 41394, 0]);
    expect(p.tcpWindowScale).toBe(7);
    expect([p.payloadOffset, p.payloadLength]).toEqual([40, 0]);
    expect(p.depth).toBe(LAYER.TRANSPORT);
  });

  it('should leave option facts absent when there are no options', () => {
    const { result, p } = decode(hex(TCP_SYN_ACK + 'cafe')); // 2 bytes of payload
    expect(result).toBe(DECODE.OK);
    expect(p.tcpFlags).toBe(TCP_FLAG.SYN | TCP_FLAG.ACK);
    expect([p.tcpMss, p.tcpWindowScale, p.tcpSackPermitted, p.tcpTimestamp]).toEqual([0, -1, false, false]);
    expect([p.payloadOffset, p.payloadLength]).toEqual([20, 2]);
  });

  it('should read sequence numbers above 2^31 as unsigned, and the ECE and CWR flags', () => {
    const bytes = hex(TCP_SYN_ACK);
    bytes.set([0xff, 0xff, 0xff, 0xfe], 4); // sequence number 4294967294
    bytes[13] = TCP_FLAG.CWR | TCP_FLAG.ECE | TCP_FLAG.SYN; // an ECN-setup SYN (RFC 3168 §6.1.1)
    const { p } = decode(bytes);
    expect(p.tcpSeq).toBe(4294967294);
    expect(p.tcpFlags & (TCP_FLAG.ECE | TCP_FLAG.CWR)).toBe(TCP_FLAG.ECE | TCP_FLAG.CWR);
  });

  it('should count SACK blocks', () => {
    const { result, p } = decode(
      tcpWithOptions(
        '0101' + // NOP, NOP
          '0512' + // SACK, length 18: two blocks
          '0000000a00000014' + // block 10..20
          '0000001e00000028', // block 30..40
      ),
    );
    expect(result).toBe(DECODE.OK);
    expect(p.tcpSackBlocks).toBe(2);
  });

  it('should stop reading options at EOL', () => {
    const { result, p } = decode(
      tcpWithOptions(
        '00' + // EOL
          '020405b4' + // bytes after EOL are padding, not an MSS
          '000000',
      ),
    );
    expect(result).toBe(DECODE.OK);
    expect(p.tcpMss).toBe(0);
  });

  it('should reject a data offset under 5 but keep the fixed header facts', () => {
    const bytes = hex(TCP_SYN_ACK);
    bytes[12] = 0x40; // data offset 4
    const { result, p } = decode(bytes);
    expect(result).toBe(DECODE.BAD_TCP_DATA_OFFSET);
    expect(p.depth).toBe(LAYER.TRANSPORT);
    expect(p.srcPort).toBe(80);
  });

  it('should reject a data offset past the end of the IP packet', () => {
    const bytes = hex(IPV4_TCP_SYN + TCP_SYN);
    bytes[20 + 12] = 0xf0; // data offset 15 (60 bytes) in a 40-byte segment
    const p = new Packet();
    expect(decodeIpv4(bytes, 0, bytes.length, p)).toBe(DECODE.BAD_TCP_DATA_OFFSET);
    expect(p.dstPort).toBe(80);
  });

  it('should read the options a short capture kept and say the rest is missing', () => {
    const bytes = hex(IPV4_TCP_SYN + TCP_SYN).subarray(0, 20 + 20 + 6); // MSS and SACK permitted captured
    const p = new Packet();
    expect(decodeIpv4(bytes, 0, bytes.length, p)).toBe(DECODE.TRUNCATED_TCP_OPTIONS);
    expect(p.tcpMss).toBe(1460);
    expect(p.tcpSackPermitted).toBe(true);
    expect(p.tcpTimestamp).toBe(false);
    expect(p.payloadLength).toBe(0);
  });

  it.each([
    ['length 0', '0200' + '0000'],
    ['length 1', '0201' + '0000'],
    ['a length past the header', '0208' + '0000'],
    ['a length byte past the header', '010101' + '02'],
  ])('should stop at an option with %s, flag it, and keep the header facts', (_, options) => {
    const { result, p } = decode(tcpWithOptions(options));
    expect(result).toBe(DECODE.BAD_TCP_OPTIONS);
    expect(p.dstPort).toBe(443);
    expect(p.payloadOffset).toBe(24);
  });

  it('should flag a known option with the wrong length and go on to the next', () => {
    const { result, p } = decode(
      tcpWithOptions(
        '0205' + // MSS with length 5 (must be 4)
          '000000' + // its 3 value bytes
          '030308', // window scale 8
      ),
    );
    expect(result).toBe(DECODE.BAD_TCP_OPTIONS);
    expect(p.tcpMss).toBe(0);
    expect(p.tcpWindowScale).toBe(8);
  });

  it('should skip unknown options by their length', () => {
    const { result, p } = decode(
      tcpWithOptions(
        '1e06' + // kind 30 (MPTCP), length 6
          '00000000' + // its value
          '020405dc' + // MSS 1500
          '0101', // NOP, NOP
      ),
    );
    expect(result).toBe(DECODE.OK);
    expect(p.tcpMss).toBe(1500);
  });

  it('should report a header under 20 bytes as truncated with no TCP facts', () => {
    const { result, p } = decode(hex(TCP_SYN_ACK).subarray(0, 19));
    expect(result).toBe(DECODE.TRUNCATED_TCP);
    expect(p.depth).toBe(LAYER.NONE);
    expect(p.srcPort).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../sources/frame-batch';
import { decodeFrame } from './decode-frame';
import { decodeDns, decodePacketDns, DnsFacts } from './dns';
import { DNS_QUERY, ETHERNET_IPV4, IPV4_TCP_SYN, IPV4_UDP_DNS, TCP_SYN, UDP_DNS_QUERY } from './fixtures';
import { hex } from './hex';
import { Packet } from './packet';

function decode(bytes: Uint8Array): { ok: boolean; dns: DnsFacts } {
  const dns = new DnsFacts();
  const ok = decodeDns(bytes, 0, bytes.length, dns);
  return { ok, dns };
}

/** A DNS header with one question and the given flags (hex, 4 digits) and answer count. */
function header(flags: string, answers: string): string {
  return (
    'beef' + // id 0xbeef
    flags + // flags
    '0001' + // 1 question
    answers + // answers
    '0000' + // 0 authority records
    '0000' // 0 additional records
  );
}

/** A label of `length` octets of "a", as hex. */
function label(length: number): string {
  return length.toString(16).padStart(2, '0') + '61'.repeat(length);
}

describe('decodeDns', () => {
  it('should read the header and the first question of a query', () => {
    const { ok, dns } = decode(hex(DNS_QUERY));
    expect(ok).toBe(true);
    expect(dns.id).toBe(0x1234);
    expect([dns.isResponse, dns.opcode, dns.responseCode, dns.recursionDesired]).toEqual([false, 0, 0, true]);
    expect([dns.questionCount, dns.answerCount]).toEqual([1, 0]);
    expect(dns.queryName).toBe('example.com');
    expect([dns.queryLabelCount, dns.queryNameOctets, dns.queryLongestLabel]).toEqual([2, 13, 7]);
    expect([dns.queryType, dns.queryClass]).toEqual([1, 1]);
  });

  it('should read a response code, and follow a compression pointer in the question name', () => {
    const bytes = hex(
      header('8183', '0001') + // response, RD, RA, rcode 3 (NXDOMAIN); 1 answer
        '03777777' + // label "www"
        'c016' + // pointer to offset 22, the answer's name
        '001c' + // QTYPE AAAA
        '0001' + // QCLASS IN
        '076578616d706c6503636f6d00' + // offset 22: example.com
        '0006' + // answer type SOA
        '0001' + // class IN
        '00000e10' + // TTL 3600
        '0000', // RDLENGTH 0
    );
    const { ok, dns } = decode(bytes);
    expect(ok).toBe(true);
    expect([dns.isResponse, dns.responseCode, dns.recursionAvailable]).toEqual([true, 3, true]);
    expect(dns.answerCount).toBe(1);
    expect(dns.queryName).toBe('www.example.com');
    expect(dns.queryType).toBe(28);
  });

  it('should reject compression pointers that loop, keeping the header facts', () => {
    const bytes = hex(
      header('0100', '0000') +
        'c00c' + // pointer to offset 12: itself
        '00010001', // QTYPE, QCLASS
    );
    const { ok, dns } = decode(bytes);
    expect(ok).toBe(false);
    expect(dns.id).toBe(0xbeef);
    expect(dns.queryName).toBe('');
  });

  it('should reject a pointer past the end of the message', () => {
    expect(decode(hex(header('0100', '0000') + 'c0ff' + '00010001')).ok).toBe(false);
  });

  it('should reject the reserved label types 0x40 and 0x80', () => {
    expect(decode(hex(header('0100', '0000') + '41' + '61' + '00' + '00010001')).ok).toBe(false);
    expect(decode(hex(header('0100', '0000') + '81' + '61' + '00' + '00010001')).ok).toBe(false);
  });

  it('should accept a name of exactly 255 octets and reject a longer one', () => {
    const longest = label(63) + label(63) + label(63) + label(61) + '00'; // 64 * 3 + 62 + 1 = 255 octets
    const { ok, dns } = decode(hex(header('0100', '0000') + longest + '00100001')); // TXT, IN
    expect(ok).toBe(true);
    expect([dns.queryNameOctets, dns.queryLabelCount, dns.queryLongestLabel]).toEqual([255, 4, 63]);
    expect(dns.queryName.length).toBe(63 * 3 + 61 + 3);
    const tooLong = label(63) + label(63) + label(63) + label(62) + '00'; // 256 octets
    expect(decode(hex(header('0100', '0000') + tooLong + '00100001')).ok).toBe(false);
  });

  it('should give the root as an empty name', () => {
    const { ok, dns } = decode(hex(header('0100', '0000') + '00' + '00020001')); // root, NS, IN
    expect(ok).toBe(true);
    expect(dns.queryName).toBe('');
    expect(dns.queryNameOctets).toBe(1);
  });

  it('should accept a message with no question', () => {
    const { ok, dns } = decode(hex('0001' + '2800' + '0000' + '0000' + '0001' + '0000')); // UPDATE, no zone
    expect(ok).toBe(true);
    expect(dns.opcode).toBe(5);
    expect(dns.authorityCount).toBe(1);
  });

  it('should reject a header cut short, and a question missing its type and class', () => {
    expect(decode(hex(DNS_QUERY).subarray(0, 11)).ok).toBe(false);
    expect(decode(hex(DNS_QUERY).subarray(0, 27)).ok).toBe(false);
  });

  it('should not read past the length it is given, nor accept nonsensical bounds', () => {
    const bytes = hex(DNS_QUERY);
    expect(decodeDns(bytes, 0, bytes.length - 1, new DnsFacts())).toBe(false);
    expect(decodeDns(bytes, 0, Number.NaN, new DnsFacts())).toBe(false);
    expect(decodeDns(bytes, -1, bytes.length, new DnsFacts())).toBe(false);
  });
});

describe('decodePacketDns', () => {
  it('should decode the DNS in a decoded port-53 UDP packet', () => {
    const frame = hex(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY);
    const packet = new Packet();
    decodeFrame(frame, 0, frame.length, LINKTYPE.ETHERNET, packet);
    const dns = new DnsFacts();
    expect(decodePacketDns(frame, packet, dns)).toBe(true);
    expect(dns.queryName).toBe('example.com');
  });

  it('should decode a response, which comes from port 53', () => {
    const frame = hex(ETHERNET_IPV4 + IPV4_UDP_DNS + UDP_DNS_QUERY);
    frame.set([0x00, 0x35, 0xd4, 0x31], 14 + 20); // swap the ports
    const packet = new Packet();
    decodeFrame(frame, 0, frame.length, LINKTYPE.ETHERNET, packet);
    expect(decodePacketDns(frame, packet, new DnsFacts())).toBe(true);
  });

  it('should leave other traffic alone', () => {
    const frame = hex(ETHERNET_IPV4 + IPV4_TCP_SYN + TCP_SYN);
    const packet = new Packet();
    decodeFrame(frame, 0, frame.length, LINKTYPE.ETHERNET, packet);
    const dns = new DnsFacts();
    dns.id = 99;
    expect(decodePacketDns(frame, packet, dns)).toBe(false);
    expect(dns.id).toBe(0);
  });
});

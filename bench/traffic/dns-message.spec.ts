import { describe, expect, it } from 'vitest';
import { DnsFacts, decodeDns } from '../../main/engine/decode';
import { DNS_TYPE, dnsQuery, dnsResponse, RCODE_NXDOMAIN } from './dns-message';

describe('DNS messages', () => {
  it('should build a query Wirewatch decodes back to its name and type', () => {
    const query = dnsQuery(0x1234, 'www.example.com', DNS_TYPE.AAAA);
    const facts = new DnsFacts();
    expect(decodeDns(query, 0, query.length, facts)).toBe(true);
    expect(facts).toMatchObject({
      id: 0x1234,
      isResponse: false,
      recursionDesired: true,
      questionCount: 1,
      answerCount: 0,
      queryName: 'www.example.com',
      queryType: DNS_TYPE.AAAA,
      queryClass: 1,
    });
  });

  it('should build a response with compressed answers and the rcode', () => {
    const addresses = [Uint8Array.of(10, 77, 100, 1), Uint8Array.of(10, 77, 100, 2)];
    const response = dnsResponse(7, 'files.corp.example', DNS_TYPE.A, { ttl: 300, addresses });
    // Header 12 + name 20 + type/class 4 + two answers of 2+2+2+4+2+4 bytes.
    expect(response.length).toBe(12 + 20 + 4 + 2 * 16);
    expect([...response.subarray(36, 38)]).toEqual([0xc0, 0x0c]); // pointer to the question's name
    const facts = new DnsFacts();
    expect(decodeDns(response, 0, response.length, facts)).toBe(true);
    expect(facts).toMatchObject({ id: 7, isResponse: true, recursionAvailable: true, responseCode: 0, answerCount: 2 });
    expect(facts.queryName).toBe('files.corp.example');

    const missing = dnsResponse(8, 'nope.example.net', DNS_TYPE.A, { ttl: 60, addresses: [], rcode: RCODE_NXDOMAIN });
    expect(decodeDns(missing, 0, missing.length, facts)).toBe(true);
    expect(facts).toMatchObject({ responseCode: RCODE_NXDOMAIN, answerCount: 0 });
  });

  it('should refuse a name with an empty or overlong label', () => {
    expect(() => dnsQuery(1, 'a..b', DNS_TYPE.A)).toThrow(RangeError);
    expect(() => dnsQuery(1, `${'x'.repeat(64)}.example`, DNS_TYPE.A)).toThrow(RangeError);
  });
});

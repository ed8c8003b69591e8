import { describe, expect, it } from 'vitest';
import { DECODE, decodeFrame } from '../../decode';
import { ETHERNET_IPV4 } from '../../decode/fixtures';
import { hex } from '../../decode/hex';
import { LINKTYPE } from '../../sources/frame-batch';
import { IPPROTO, Packet } from '../../decode/packet';
import { fillPacket } from '../../flows/test-packets';
import type { Detection } from '../detection';
import {
  DNS_TUNNEL_DEFAULTS,
  DnsTunnelDetector,
  shannonEntropy,
  splitRegisteredDomain,
  type DnsTunnelOptions,
} from './dns_tunnel';

const FRAME = { index: 0, fileOffset: 0, flowId: 0 };
const A = 1;
const TXT = 16;

/** `value` as `bytes` bytes of big-endian hex. */
function hexOf(value: number, bytes: number): string {
  return value.toString(16).padStart(2 * bytes, '0');
}

/** A DNS query message (RFC 1035 §4.1) for `name` and `qtype`, as bytes. */
function dnsQuery(name: string, qtype: number): Uint8Array {
  const labels = name
    .split('.')
    .map((label) => hexOf(label.length, 1) + Buffer.from(label, 'latin1').toString('hex'))
    .join('');
  return hex(
    '1234' + // id
      '0100' + // flags: standard query, recursion desired
      '0001' + // one question
      '0000' + // no answers
      '0000' + // no authority records
      '0000' + // no additional records
      labels + // the name, label by label
      '00' + // root
      hexOf(qtype, 2) + // QTYPE
      '0001', // QCLASS IN
  );
}

/** Deterministic base32 text (iodine-like payload labels). */
function base32(length: number, seed: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let state = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet[(state >>> 16) % 32] ?? 'a';
  }
  return out;
}

function setup(options: DnsTunnelOptions = {}) {
  const detections: Detection[] = [];
  const detector = new DnsTunnelDetector((d) => detections.push(d), options);
  const packet = new Packet();
  const query = (t: number, name: string, qtype = A, client = '10.77.0.66'): void => {
    const data = dnsQuery(name, qtype);
    const fields = { t, src: client, dst: '10.77.0.1', srcPort: 50000, dstPort: 53, protocol: IPPROTO.UDP };
    fillPacket(packet, { ...fields, payload: data.length });
    detector.onPacket(packet, DECODE.OK, FRAME, data);
  };
  return { detector, detections, query };
}

describe('splitRegisteredDomain', () => {
  it('should split at the registered domain, three labels deep under country second levels', () => {
    expect(splitRegisteredDomain('e1234.dscb.akamaiedge.net')).toEqual({
      domain: 'akamaiedge.net',
      subdomain: 'e1234.dscb',
    });
    expect(splitRegisteredDomain('www.bbc.co.uk')).toEqual({ domain: 'bbc.co.uk', subdomain: 'www' });
    expect(splitRegisteredDomain('example.com')).toEqual({ domain: 'example.com', subdomain: '' });
  });
});

describe('shannonEntropy', () => {
  it('should measure bits per character, ignoring dots', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('ab.ab')).toBe(1);
    expect(shannonEntropy(base32(60, 7))).toBeGreaterThan(4);
    expect(shannonEntropy('mail-server-frankfurt.internal-cluster')).toBeLessThan(DNS_TUNNEL_DEFAULTS.minEntropy);
  });
});

describe('DnsTunnelDetector', () => {
  it('should report ten long high-entropy queries under one domain with domain, samples and entropy', () => {
    const { detections, query } = setup();
    for (let i = 0; i < DNS_TUNNEL_DEFAULTS.encodedQueries; i++)
      query(100 + i * 0.5, `${base32(52, i + 1)}.t.tunnel.example`);
    expect(detections).toHaveLength(1);
    const detection = detections[0];
    expect(detection).toMatchObject({
      kind: 'dns_tunnel',
      severity: 'high',
      src: '10.77.0.66',
      dst: null,
      score: 0.5,
      detector: 'rule:dns_tunnel',
      firstSeen: 100,
      evidence: { domain: 'tunnel.example', reasons: ['encoded_names'], encodedQueries: 10, uniqueSubdomains: 10 },
    });
    expect(detection?.evidence.maxEntropy).toBeGreaterThan(4);
    expect(detection?.evidence.sampleNames).toHaveLength(5);
    expect(detection?.summary).toContain('tunnel.example');
  });

  it('should stay quiet one encoded query short of the threshold', () => {
    const { detections, query } = setup();
    for (let i = 0; i < DNS_TUNNEL_DEFAULTS.encodedQueries - 1; i++)
      query(100 + i, `${base32(52, i + 1)}.t.tunnel.example`);
    expect(detections).toEqual([]);
  });

  it('should count hex-encoded names (dnscat2) as encoded although hex entropy stays under 4 bits', () => {
    const { detections, query } = setup();
    for (let i = 0; i < 10; i++) {
      const hex = Array.from(base32(40, i + 3), (ch) => (ch.charCodeAt(0) % 16).toString(16)).join('');
      query(100 + i, `${hex}.dnscat.example`);
    }
    expect(detections).toHaveLength(1);
    expect(detections[0]?.evidence.reasons).toEqual(['encoded_names']);
  });

  it('should report TXT queries for many distinct names under one domain', () => {
    const { detections, query } = setup();
    for (let i = 0; i < DNS_TUNNEL_DEFAULTS.txtQueries; i++) query(100 + i, `s${i}.x.exfil.example`, TXT);
    expect(detections).toHaveLength(1);
    expect(detections[0]?.evidence).toMatchObject({ reasons: ['txt_volume'], txtNullQueries: 20 });
  });

  it('should report a burst of many unique short subdomains', () => {
    const { detections, query } = setup();
    for (let i = 0; i < DNS_TUNNEL_DEFAULTS.uniqueSubdomains; i++) query(100 + i * 0.1, `q${i}.burst.example`);
    expect(detections).toHaveLength(1);
    expect(detections[0]?.evidence).toMatchObject({ reasons: ['unique_subdomains'], uniqueSubdomains: 100 });
  });

  it('should stay quiet on normal DNS to CDNs with long but ordinary names', () => {
    const { detections, query } = setup();
    const names = [
      'www.example.com',
      'e1234.dscb.akamaiedge.net',
      'e6789.a.akamaiedge.net',
      'r3---sn-4g5e6nzl.googlevideo.com',
      'ec2-54-231-10-100.compute-1.amazonaws.com',
      'd1a2b3c4d5e6f7.cloudfront.net',
      'outlook.office365.com',
      'safebrowsing.googleapis.com',
      'ip-10-0-1-23.us-west-2.compute.internal',
      'mail-server-frankfurt.internal-cluster.example.org',
    ];
    // Ten clients resolving them over and over for ten minutes, SPF TXT lookups included.
    for (let i = 0; i < 3000; i++) {
      query(100 + i * 0.2, names[i % names.length] ?? 'www.example.com', A, `10.77.0.${10 + (i % 10)}`);
      if (i % 50 === 0) query(100 + i * 0.2, 'example.com', TXT);
    }
    for (let i = 0; i < 40; i++) query(800 + i, `e${1000 + i}.dscb.akamaiedge.net`);
    expect(detections).toEqual([]);
  });

  it('should ignore reverse lookups, whose ip6.arpa names are long by design', () => {
    const { detections, query } = setup();
    for (let i = 0; i < 300; i++) {
      const nibbles = base32(32, i + 1)
        .replace(/[^a-f0-9]/g, '0')
        .split('')
        .join('.');
      query(100 + i * 0.1, `${nibbles}.ip6.arpa`, 12);
    }
    expect(detections).toEqual([]);
  });

  it('should see nothing when the pipeline gives it no bytes', () => {
    const { detector, detections } = setup();
    const packet = fillPacket(new Packet(), {
      t: 1,
      src: '10.0.0.1',
      dst: '10.0.0.2',
      dstPort: 53,
      protocol: IPPROTO.UDP,
    });
    detector.onPacket(packet, DECODE.OK, FRAME);
    expect(detections).toEqual([]);
    expect(detector.size).toBe(0);
  });

  it('should keep its tables within their caps under queries for many random domains', () => {
    const { detector, query } = setup({ maxDomains: 100 });
    for (let i = 0; i < 20_000; i++)
      query(100 + i * 0.001, `${base32(40, i + 1)}.${base32(8, i + 7)}.com`, TXT, `10.1.${i & 255}.9`);
    expect(detector.size).toBeLessThanOrEqual(400);
  });

  it('should read queries from whole Ethernet/IPv4/UDP frames decoded by the real decoder', () => {
    const detections: Detection[] = [];
    const detector = new DnsTunnelDetector((d) => detections.push(d));
    const packet = new Packet();
    for (let i = 0; i < DNS_TUNNEL_DEFAULTS.encodedQueries; i++) {
      const dns = dnsQuery(`${base32(52, i + 1)}.t.tunnel.example`, TXT);
      const udpLength = 8 + dns.length;
      const headers = hex(
        ETHERNET_IPV4 +
          '45' + // IPv4, IHL 5
          '00' + // DSCP 0, ECN 0
          hexOf(20 + udpLength, 2) + // total length
          '0001' + // identification 1
          '0000' + // no flags, fragment offset 0
          '40' + // TTL 64
          '11' + // protocol UDP
          '0000' + // header checksum (not checked)
          '0a4d0042' + // source 10.77.0.66
          '0a4d0001' + // destination 10.77.0.1
          'c350' + // source port 50000
          '0035' + // destination port 53
          hexOf(udpLength, 2) + // UDP length
          '0000', // checksum (none)
      );
      const bytes = new Uint8Array(headers.length + dns.length);
      bytes.set(headers, 0);
      bytes.set(dns, headers.length);
      const result = decodeFrame(bytes, 0, bytes.length, LINKTYPE.ETHERNET, packet);
      packet.seconds = 100 + i;
      detector.onPacket(packet, result, FRAME, bytes);
    }
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({
      src: '10.77.0.66',
      evidence: { domain: 'tunnel.example', reasons: ['encoded_names'], encodedQueries: 10 },
    });
  });
});

/**
 * Every decoder against hostile input: each valid fixture cut at every length, mutated at random,
 * and plain random bytes. A decoder must return (never throw), return a known result, keep its
 * payload inside the bytes it was given, and — the bounds check that matters — come to the same
 * facts whatever lies outside those bytes.
 */
import { describe, expect, it } from 'vitest';
import { LINKTYPE } from '../sources/frame-batch';
import { decodeArp } from './arp';
import { decodeFrame } from './decode-frame';
import { decodeDns, DnsFacts } from './dns';
import { decodeEthernet } from './ethernet';
import * as fx from './fixtures';
import { hex } from './hex';
import { decodeIcmp } from './icmp';
import { decodeIcmpv6 } from './icmpv6';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';
import type { LayerDecoder } from './layer-decoder';
import { decodeLoop, decodeNull } from './loopback';
import { Packet } from './packet';
import { decodeRawIp } from './raw-ip';
import { DECODE_RESULT_COUNT } from './result';
import { decodeSll, decodeSll2 } from './sll';
import { seededRandom } from '../../../common/seeded-random';
import { decodeTcp } from './tcp';
import { decodeUdp } from './udp';

const MUTATIONS_PER_FIXTURE = 1500;
const RANDOM_INPUTS = 2500;
const MAX_RANDOM_LENGTH = 128;
/** Bytes placed before and after the input: different in the two runs of each input. */
const GUARD = 32;

/** A plain throw: expect() per call would dominate the run time over tens of thousands of inputs. */
function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

function toHex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** What a decoder made of one input: its result and every fact, as plain values to compare. */
type Outcome = unknown[];

interface Subject {
  name: string;
  /** Decodes data[offset .. offset + length). */
  run: (data: Uint8Array, offset: number, length: number) => Outcome;
  valid: readonly Uint8Array[];
}

function packetOutcome(result: number, p: Packet, offset: number): Outcome {
  check(Number.isInteger(result) && result >= 0 && result < DECODE_RESULT_COUNT, `unknown result ${result}`);
  const facts: unknown[] = [result];
  for (const [key, value] of Object.entries(p)) {
    // Offsets are relative to the input so that the two runs, at the same offset, compare equal anyway.
    facts.push(key, value instanceof Uint32Array ? [...value] : value);
  }
  facts.push('relativePayload', p.payloadOffset - offset);
  return facts;
}

function layerSubject(name: string, decoder: LayerDecoder, valid: readonly string[]): Subject {
  const p = new Packet();
  return {
    name,
    run: (data, offset, length) => {
      p.reset();
      const result = decoder(data, offset, offset + length, p);
      check(p.payloadLength >= 0, `negative payload length ${p.payloadLength}`);
      check(p.payloadOffset + p.payloadLength <= offset + length, 'payload past the input');
      return packetOutcome(result, p, offset);
    },
    valid: valid.map(hex),
  };
}

function frameSubject(linktype: number): Subject {
  const p = new Packet();
  return {
    name: `decodeFrame linktype ${linktype}`,
    run: (data, offset, length) => {
      const result = decodeFrame(data, offset, length, linktype, p);
      check(p.payloadLength >= 0, `negative payload length ${p.payloadLength}`);
      check(p.payloadOffset + p.payloadLength <= offset + length, 'payload past the input');
      return packetOutcome(result, p, offset);
    },
    valid: fx.VALID_FRAMES.filter((frame) => frame.linktype === linktype).map((frame) => frame.bytes),
  };
}

const dnsFacts = new DnsFacts();
const SUBJECTS: readonly Subject[] = [
  ...Object.values(LINKTYPE).map(frameSubject),
  layerSubject('decodeEthernet', decodeEthernet, [
    fx.ETHERNET_IPV4 + fx.IPV4_TCP_SYN + fx.TCP_SYN,
    fx.ETHERNET_QINQ_IPV4 + fx.IPV4_TCP_SYN + fx.TCP_SYN,
    fx.ETHERNET_ARP + fx.ARP_REQUEST,
  ]),
  layerSubject('decodeSll', decodeSll, [fx.SLL_IPV4 + fx.IPV4_UDP_DNS + fx.UDP_DNS_QUERY]),
  layerSubject('decodeSll2', decodeSll2, [fx.SLL2_IPV6 + fx.IPV6_TCP + fx.TCP_SYN_ACK]),
  layerSubject('decodeNull', decodeNull, [fx.NULL_LE_IPV4 + fx.IPV4_ICMP + fx.ICMP_ECHO_REQUEST]),
  layerSubject('decodeLoop', decodeLoop, [fx.LOOP_IPV6 + fx.IPV6_TCP + fx.TCP_SYN_ACK]),
  layerSubject('decodeRawIp', decodeRawIp, [
    fx.IPV4_ICMP + fx.ICMP_ECHO_REQUEST,
    fx.IPV6_ICMPV6 + fx.ICMPV6_ECHO_REQUEST,
  ]),
  layerSubject('decodeIpv4', decodeIpv4, [
    fx.IPV4_TCP_SYN + fx.TCP_SYN,
    fx.IPV4_UDP_DNS + fx.UDP_DNS_QUERY,
    fx.IPV4_ICMP + fx.ICMP_ECHO_REQUEST,
  ]),
  layerSubject('decodeIpv6', decodeIpv6, [
    fx.IPV6_TCP + fx.TCP_SYN_ACK,
    fx.IPV6_EXTENSIONS_UDP + fx.UDP_DNS_QUERY,
    fx.IPV6_ICMPV6 + fx.ICMPV6_ECHO_REQUEST,
  ]),
  layerSubject('decodeTcp', decodeTcp, [fx.TCP_SYN, fx.TCP_SYN_ACK]),
  layerSubject('decodeUdp', decodeUdp, [fx.UDP_DNS_QUERY]),
  layerSubject('decodeIcmp', decodeIcmp, [fx.ICMP_ECHO_REQUEST]),
  layerSubject('decodeIcmpv6', decodeIcmpv6, [fx.ICMPV6_ECHO_REQUEST]),
  layerSubject('decodeArp', decodeArp, [fx.ARP_REQUEST]),
  {
    name: 'decodeDns',
    run: (data, offset, length) => {
      const ok = decodeDns(data, offset, length, dnsFacts);
      check(dnsFacts.queryNameOctets <= 255, 'name over 255 octets');
      const facts: unknown[] = Object.values(dnsFacts);
      return [ok, ...facts];
    },
    valid: [hex(fx.DNS_QUERY)],
  },
];

/** Inputs for one subject: every prefix of each valid input, mutations of it, and random bytes. */
function* inputsFor(subject: Subject, random: () => number): Generator<Uint8Array> {
  for (const valid of subject.valid) {
    for (let length = 0; length <= valid.length; length++) yield valid.subarray(0, length);
    for (let i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
      const mutated = valid.slice(0, Math.floor(random() * (valid.length + 1)));
      const changes = 1 + Math.floor(random() * 4);
      for (let c = 0; c < changes && mutated.length > 0; c++) {
        const at = Math.floor(random() * mutated.length);
        // Boundary values find off-by-one bounds more often than uniform bytes do.
        const pick = random();
        mutated[at] = pick < 0.25 ? 0 : pick < 0.5 ? 0xff : Math.floor(random() * 256);
      }
      yield mutated;
    }
  }
  for (let i = 0; i < RANDOM_INPUTS; i++) {
    const bytes = new Uint8Array(Math.floor(random() * MAX_RANDOM_LENGTH));
    for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(random() * 256);
    yield bytes;
  }
}

/** Runs `input` placed between guard bytes of value `fill`. */
function runGuarded(subject: Subject, input: Uint8Array, fill: number): Outcome {
  const buffer = new Uint8Array(GUARD + input.length + GUARD).fill(fill);
  buffer.set(input, GUARD);
  try {
    return subject.run(buffer, GUARD, input.length);
  } catch (error) {
    throw new Error(`${subject.name} failed on ${toHex(input)}`, { cause: error });
  }
}

describe('decoder conformance', () => {
  it.each(SUBJECTS.map((subject) => [subject.name, subject] as const))(
    'should return, never throw, and read nothing outside its bytes: %s',
    (_, subject) => {
      const random = seededRandom(0x5eed ^ subject.name.length);
      let inputs = 0;
      for (const input of inputsFor(subject, random)) {
        const inZeros = runGuarded(subject, input, 0x00);
        const inOnes = runGuarded(subject, input, 0xff);
        if (JSON.stringify(inZeros) !== JSON.stringify(inOnes)) {
          expect.fail(`${subject.name} depends on bytes outside its input ${toHex(input)}`);
        }
        inputs++;
      }
      expect(inputs).toBeGreaterThan(RANDOM_INPUTS);
    },
  );

  it('should feed every decoder tens of thousands of inputs in all', () => {
    const random = seededRandom(1);
    let total = 0;
    for (const subject of SUBJECTS) total += [...inputsFor(subject, random)].length;
    expect(total).toBeGreaterThan(100_000);
  });
});

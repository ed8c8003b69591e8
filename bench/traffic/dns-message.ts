/**
 * DNS messages in wire format (RFC 1035 §4.1): one question, and for a response its answers,
 * each naming the question by a compression pointer (§4.1.4).
 */
import { put16, put32 } from './wire';

export const DNS_TYPE = { A: 1, AAAA: 28 } as const;
export type DnsType = (typeof DNS_TYPE)[keyof typeof DNS_TYPE];

const CLASS_IN = 1;
const HEADER = 12;
/** The question's name starts right after the header: offset 12, as a pointer 0xc00c. */
const POINTER_TO_QUESTION = 0xc000 | HEADER;
/** Recursion desired (RFC 1035 §4.1.1). */
const FLAGS_QUERY = 0x0100;
/** Response, recursion desired and available. */
const FLAGS_RESPONSE = 0x8180;
export const RCODE_NXDOMAIN = 3;

export interface DnsAnswerSpec {
  readonly ttl: number;
  /** 4 bytes for A, 16 for AAAA. */
  readonly addresses: readonly Uint8Array[];
  readonly rcode?: number;
}

export function dnsQuery(id: number, name: string, type: DnsType): Uint8Array {
  return dnsMessage(id, name, type, FLAGS_QUERY, []);
}

export function dnsResponse(id: number, name: string, type: DnsType, answer: DnsAnswerSpec): Uint8Array {
  const flags = FLAGS_RESPONSE | (answer.rcode ?? 0);
  return dnsMessage(id, name, type, flags, answer.addresses, answer.ttl);
}

function dnsMessage(
  id: number,
  name: string,
  type: DnsType,
  flags: number,
  addresses: readonly Uint8Array[],
  ttl = 0,
): Uint8Array {
  const labels = name.split('.').map((label) => new TextEncoder().encode(label));
  for (const label of labels) {
    if (label.length === 0 || label.length > 63) throw new RangeError(`bad DNS label in "${name}"`);
  }
  const nameLength = labels.reduce((sum, label) => sum + 1 + label.length, 1);
  const answerLength = addresses.reduce((sum, address) => sum + 12 + address.length, 0);
  const out = new Uint8Array(HEADER + nameLength + 4 + answerLength);
  put16(out, 0, id);
  put16(out, 2, flags);
  put16(out, 4, 1); // QDCOUNT
  put16(out, 6, addresses.length); // ANCOUNT; NSCOUNT and ARCOUNT stay 0
  let at = HEADER;
  for (const label of labels) {
    out[at] = label.length;
    out.set(label, at + 1);
    at += 1 + label.length;
  }
  at += 1; // the root label
  put16(out, at, type);
  put16(out, at + 2, CLASS_IN);
  at += 4;
  for (const address of addresses) {
    put16(out, at, POINTER_TO_QUESTION);
    put16(out, at + 2, type);
    put16(out, at + 4, CLASS_IN);
    put32(out, at + 6, ttl);
    put16(out, at + 10, address.length);
    out.set(address, at + 12);
    at += 12 + address.length;
  }
  return out;
}

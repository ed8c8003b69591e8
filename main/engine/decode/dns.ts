/**
 * DNS messages (RFC 1035 §4.1): the 12-byte header and the first question. Not part of
 * decodeFrame: a caller that wants DNS facts asks for them (decodePacketDns for port-53 UDP),
 * so ordinary traffic pays nothing. Opcode and response code numbers are IANA's (RFC 6895 §2).
 */
import { readU8, readU16 } from './bytes';
import { IPPROTO, LAYER, type Packet } from './packet';

const DNS_HEADER = 12;
const DNS_PORT = 53;
/** RFC 1035 §2.3.4: a name is at most 255 octets on the wire (a label at most 63, see below). */
const MAX_NAME_OCTETS = 255;
/**
 * Compression pointers (RFC 1035 §4.1.4) may chain; a legitimate name has at most one per label
 * (under 128), so more than this is a loop or an attack.
 */
const MAX_POINTERS = 128;

/** The facts of one DNS message. Reused like Packet: decodeDns overwrites every field. */
export class DnsFacts {
  id = 0;
  /** QR bit: a response rather than a query. */
  isResponse = false;
  /** 0 query, 1 inverse query, 2 status, 4 notify, 5 update. */
  opcode = 0;
  /** Authoritative answer (AA), truncated (TC), recursion desired (RD) and available (RA) bits. */
  authoritative = false;
  truncated = false;
  recursionDesired = false;
  recursionAvailable = false;
  /** 0 no error, 1 format error, 2 server failure, 3 name error (NXDOMAIN), 5 refused, … */
  responseCode = 0;
  questionCount = 0;
  answerCount = 0;
  authorityCount = 0;
  additionalCount = 0;
  /**
   * The first question's name without the trailing dot ('' for the root or no question). Bytes
   * map one to one to characters (Latin-1) so nothing is lost for entropy measures; case is kept.
   */
  queryName = '';
  /** Labels in the name, and its length on the wire (length octets included, ≤ 255). */
  queryLabelCount = 0;
  queryNameOctets = 0;
  /** Longest label in the name, in octets: long labels are what DNS tunnels look like. */
  queryLongestLabel = 0;
  /** QTYPE (1 A, 28 AAAA, 16 TXT, …) and QCLASS (1 IN); 0 when there is no question. */
  queryType = 0;
  queryClass = 0;

  reset(): void {
    this.id = 0;
    this.isResponse = false;
    this.opcode = 0;
    this.authoritative = false;
    this.truncated = false;
    this.recursionDesired = false;
    this.recursionAvailable = false;
    this.responseCode = 0;
    this.questionCount = 0;
    this.answerCount = 0;
    this.authorityCount = 0;
    this.additionalCount = 0;
    this.queryName = '';
    this.queryLabelCount = 0;
    this.queryNameOctets = 0;
    this.queryLongestLabel = 0;
    this.queryType = 0;
    this.queryClass = 0;
  }
}

/**
 * Decodes the DNS message at data[offset .. offset + length) into `out`. Returns false when the
 * header is cut short (nothing set) or the first question is (header facts kept): a name that
 * runs out of bytes, uses a reserved label type, exceeds 63-octet labels or 255 octets, or
 * whose compression pointers loop. True with an empty name when the message has no question.
 */
export function decodeDns(data: Uint8Array, offset: number, length: number, out: DnsFacts): boolean {
  out.reset();
  let end = offset + length;
  if (end > data.length) end = data.length;
  // Written so NaN bounds fail too.
  if (!(offset >= 0 && offset + DNS_HEADER <= end)) return false;
  const flags = readU16(data, offset + 2);
  out.id = readU16(data, offset);
  out.isResponse = (flags & 0x8000) !== 0;
  out.opcode = (flags >> 11) & 0x0f;
  out.authoritative = (flags & 0x0400) !== 0;
  out.truncated = (flags & 0x0200) !== 0;
  out.recursionDesired = (flags & 0x0100) !== 0;
  out.recursionAvailable = (flags & 0x0080) !== 0;
  out.responseCode = flags & 0x000f;
  out.questionCount = readU16(data, offset + 4);
  out.answerCount = readU16(data, offset + 6);
  out.authorityCount = readU16(data, offset + 8);
  out.additionalCount = readU16(data, offset + 10);
  if (out.questionCount === 0) return true;

  const afterName = readQueryName(data, offset, end, out);
  if (afterName < 0 || afterName + 4 > end) return false;
  out.queryType = readU16(data, afterName);
  out.queryClass = readU16(data, afterName + 2);
  return true;
}

/**
 * Reads the question name at offset + 12 into `out`, following compression pointers (which count
 * from the message start). Returns the offset just after the name where it sits in the question,
 * or -1 when it is malformed.
 */
function readQueryName(data: Uint8Array, message: number, end: number, out: DnsFacts): number {
  let o = message + DNS_HEADER;
  let after = -1;
  let pointers = 0;
  let octets = 0;
  let name = '';
  for (;;) {
    if (o >= end) return -1;
    const length = readU8(data, o);
    if (length === 0) {
      octets += 1;
      if (after < 0) after = o + 1;
      break;
    }
    const labelType = length & 0xc0;
    if (labelType === 0xc0) {
      if (o + 1 >= end || ++pointers > MAX_POINTERS) return -1;
      if (after < 0) after = o + 2;
      o = message + (((length & 0x3f) << 8) | readU8(data, o + 1));
      continue;
    }
    // 0x40 and 0x80 are extended and reserved label types (RFC 6891 §5 retired the only one used);
    // what remains is 0..63, so the 63-octet label limit holds by construction.
    if (labelType !== 0) return -1;
    if (o + 1 + length > end) return -1;
    octets += 1 + length;
    // Counting the root's length octet still to come.
    if (octets + 1 > MAX_NAME_OCTETS) return -1;
    if (out.queryLabelCount > 0) name += '.';
    for (let i = o + 1; i <= o + length; i++) name += String.fromCharCode(readU8(data, i));
    out.queryLabelCount += 1;
    if (length > out.queryLongestLabel) out.queryLongestLabel = length;
    o += 1 + length;
  }
  out.queryName = name;
  out.queryNameOctets = octets;
  return after;
}

/** True when `packet` is UDP to or from port 53, the traffic decodePacketDns reads. */
export function isDnsPacket(packet: Packet): boolean {
  return (
    packet.depth >= LAYER.TRANSPORT &&
    packet.protocol === IPPROTO.UDP &&
    (packet.srcPort === DNS_PORT || packet.dstPort === DNS_PORT)
  );
}

/**
 * Decodes the DNS message in a decoded packet's UDP payload (`data` being the bytes the packet was
 * decoded from). False, with `out` reset, when the packet is not port-53 UDP or its DNS is malformed.
 */
export function decodePacketDns(data: Uint8Array, packet: Packet, out: DnsFacts): boolean {
  if (!isDnsPacket(packet)) {
    out.reset();
    return false;
  }
  return decodeDns(data, packet.payloadOffset, packet.payloadLength, out);
}

/**
 * One TCP connection (RFC 9293) seen from the uplink: it keeps both sides' sequence numbers so
 * every segment's seq and ack agree with what was sent before, as a dissector checks them.
 */
import { beginIpFrame, sealTransport } from './ip-frame';
import { PROTOCOL } from './ip-header';
import type { FrameOut } from './frame-out';
import type { PayloadSource } from './payload';
import type { Route } from './route';
import { put16, put32 } from './wire';

export const TCP = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10 } as const;

const HEADER = 20;
/** SYN options: MSS (RFC 9293 §3.7.1), SACK permitted (RFC 2018), window scale 7 (RFC 7323). */
const SYN_OPTIONS = [2, 4, 0, 0, 1, 1, 4, 2, 1, 3, 3, 7] as const;
/** Ethernet's 1500-byte MTU minus the IP and TCP headers. */
export const MSS_IPV4 = 1460;
export const MSS_IPV6 = 1440;
/** Receive windows: unscaled in the SYN, then 2 MiB at scale 7 (what Linux autotuning reaches on a fast path). */
const SYN_WINDOW = 64_240;
const WINDOW = 16_384;

export class TcpConnection {
  /** Next sequence number each side sends. */
  localSeq: number;
  remoteSeq: number;
  /** Payload bytes each side has sent: where its PayloadSource continues. */
  localSent = 0;
  remoteSent = 0;

  constructor(
    readonly route: Route,
    readonly localPort: number,
    readonly remotePort: number,
    localIsn: number,
    remoteIsn: number,
  ) {
    this.localSeq = localIsn >>> 0;
    this.remoteSeq = remoteIsn >>> 0;
  }

  get mss(): number {
    return this.route.family === 4 ? MSS_IPV4 : MSS_IPV6;
  }

  /**
   * Writes one segment at `timeNs` and advances the sender's sequence number (SYN and FIN count
   * one). `ack` defaults to everything the other side has sent so far; a delayed ACK passes what
   * its sender had received when it decided to ACK.
   */
  send(
    out: FrameOut,
    timeNs: number,
    outbound: boolean,
    flags: number,
    payloadLength = 0,
    payload?: PayloadSource,
    ack?: number,
  ): void {
    const syn = (flags & TCP.SYN) !== 0;
    const options = syn ? SYN_OPTIONS.length : 0;
    const length = HEADER + options + payloadLength;
    const at = beginIpFrame(out, timeNs, this.route, outbound, PROTOCOL.TCP, length);
    const bytes = out.bytes;
    const seq = outbound ? this.localSeq : this.remoteSeq;
    const acked = ack ?? (outbound ? this.remoteSeq : this.localSeq);
    put16(bytes, at, outbound ? this.localPort : this.remotePort);
    put16(bytes, at + 2, outbound ? this.remotePort : this.localPort);
    put32(bytes, at + 4, seq);
    put32(bytes, at + 8, (flags & TCP.ACK) !== 0 ? acked : 0);
    bytes[at + 12] = ((HEADER + options) / 4) << 4;
    bytes[at + 13] = flags;
    put16(bytes, at + 14, (flags & TCP.RST) !== 0 ? 0 : syn ? SYN_WINDOW : WINDOW);
    if (syn) {
      bytes.set(SYN_OPTIONS, at + HEADER);
      put16(bytes, at + HEADER + 2, this.mss);
    }
    if (payloadLength > 0) {
      if (payload === undefined) throw new Error('a segment with payload needs a PayloadSource');
      payload.write(bytes, at + HEADER + options, payloadLength, outbound ? this.localSent : this.remoteSent);
    }
    sealTransport(bytes, at, this.route.family, PROTOCOL.TCP, length);
    const advance = payloadLength + (syn ? 1 : 0) + ((flags & TCP.FIN) !== 0 ? 1 : 0);
    if (outbound) {
      this.localSeq = (this.localSeq + advance) >>> 0;
      this.localSent += payloadLength;
    } else {
      this.remoteSeq = (this.remoteSeq + advance) >>> 0;
      this.remoteSent += payloadLength;
    }
  }
}

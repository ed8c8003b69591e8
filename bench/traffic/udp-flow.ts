/** UDP datagrams (RFC 768) between two ports of a route, each datagram one whole message. */
import { beginIpFrame, sealTransport } from './ip-frame';
import { PROTOCOL } from './ip-header';
import type { FrameOut } from './frame-out';
import type { PayloadSource } from './payload';
import type { Route } from './route';
import { put16 } from './wire';

const HEADER = 8;

export class UdpFlow {
  constructor(
    readonly route: Route,
    readonly localPort: number,
    readonly remotePort: number,
  ) {}

  send(out: FrameOut, timeNs: number, outbound: boolean, payloadLength: number, payload: PayloadSource): void {
    const length = HEADER + payloadLength;
    const at = beginIpFrame(out, timeNs, this.route, outbound, PROTOCOL.UDP, length);
    const bytes = out.bytes;
    put16(bytes, at, outbound ? this.localPort : this.remotePort);
    put16(bytes, at + 2, outbound ? this.remotePort : this.localPort);
    put16(bytes, at + 4, length);
    payload.write(bytes, at + HEADER, payloadLength, 0);
    sealTransport(bytes, at, this.route.family, PROTOCOL.UDP, length);
  }
}

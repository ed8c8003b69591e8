/** Ethernet + IPv4 + TCP frames for capture specs (checksums left zero: the decoders do not check them). */

/** 10.77.x.y as four bytes. */
function ipv4(address: string): number[] {
  return address.split('.').map(Number);
}

export interface TcpFrameFields {
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  /** TCP flags byte: 0x02 SYN, 0x12 SYN-ACK, 0x14 RST-ACK (RFC 9293 §3.1). */
  readonly flags: number;
}

export function tcpFrame(fields: TcpFrameFields): Uint8Array {
  const frame = new Uint8Array(54);
  const view = new DataView(frame.buffer);
  frame.set([0x02, 0, 0, 0, 0, 0x01], 0); // destination MAC
  frame.set([0x02, 0, 0, 0, 0, 0x02], 6); // source MAC
  view.setUint16(12, 0x0800); // EtherType IPv4
  frame[14] = 0x45; // version 4, header 20 bytes
  view.setUint16(16, 40); // total length: IP 20 + TCP 20
  frame[22] = 64; // TTL
  frame[23] = 6; // protocol TCP
  frame.set(ipv4(fields.src), 26);
  frame.set(ipv4(fields.dst), 30);
  view.setUint16(34, fields.srcPort);
  view.setUint16(36, fields.dstPort);
  view.setUint32(38, 1000); // sequence number
  frame[46] = 0x50; // data offset 5 words
  frame[47] = fields.flags;
  view.setUint16(48, 1024); // window
  return frame;
}

/**
 * A bulk TCP transfer (a file sync or backup to a storage server): handshake, a stream of
 * MSS-sized segments at a steady rate, the receiver ACKing every second segment (RFC 9293
 * §3.8.6.3, delayed ACK), and a FIN close both ways.
 */
import type { Host } from '../hosts';
import { MS, SECOND, US, type Simulation } from '../simulation';
import { TCP, TcpConnection } from '../tcp-connection';

/** The sync service's port: one Wireshark maps to no dissector, so payload reads as plain data. */
export const SYNC_PORT = 7744;
/** Ethernet, IP and TCP headers around each segment, for the rate. */
const FRAME_OVERHEAD = 14 + 20 + 20;
/**
 * Segments sent before the receiver's first ACK: they must fit the SYN's unscaled 64,240-byte window
 * (window scaling applies only after the handshake, RFC 7323 §2.2), so the sender then waits for that ACK.
 */
const BEFORE_FIRST_ACK = 40;

export interface BulkTransferSpec {
  readonly client: Host;
  readonly server: Host;
  readonly bytes: number;
  readonly bitsPerSecond: number;
  /** The client sends (backup) rather than receives (restore, download). */
  readonly upload: boolean;
}

export function startBulkTransfer(sim: Simulation, spec: BulkTransferSpec): void {
  const route = sim.route(spec.client, spec.server, 4);
  const conn = new TcpConnection(
    route,
    sim.clientPort(spec.client),
    SYNC_PORT,
    sim.random.uint32(),
    sim.random.uint32(),
  );
  const wan = sim.random.uniform(0.5, 20) * MS;
  const lan = sim.random.uniform(0.05, 0.3) * MS;
  const sender = spec.upload;
  // ACKs from the local side cross only the LAN before the capture point; remote ones the WAN.
  const senderDelay = sender ? lan : wan;
  const receiverDelay = sender ? wan : lan;
  const gap = ((conn.mss + FRAME_OVERHEAD) * 8 * SECOND) / spec.bitsPerSecond;
  let remaining = spec.bytes;
  let segments = 0;
  let firstAck = Number.POSITIVE_INFINITY;

  const data = (): void => {
    const length = Math.min(conn.mss, remaining);
    remaining -= length;
    segments += 1;
    conn.send(sim.out, sim.now, sender, remaining === 0 ? TCP.ACK | TCP.PSH : TCP.ACK, length, sim.files);
    if (segments % 2 === 0 || remaining === 0) {
      const received = sender ? conn.localSeq : conn.remoteSeq;
      if (segments === 2) firstAck = sim.now + receiverDelay;
      sim.after(receiverDelay, () => conn.send(sim.out, sim.now, !sender, TCP.ACK, 0, undefined, received));
    }
    if (remaining > 0)
      sim.after(segments === BEFORE_FIRST_ACK ? Math.max(gap, firstAck + 20 * US - sim.now) : gap, data);
    else sim.after(gap + 20 * US, close);
  };
  const close = (): void => {
    conn.send(sim.out, sim.now, sender, TCP.FIN | TCP.ACK);
    sim.after(receiverDelay + 30 * US, () => {
      conn.send(sim.out, sim.now, !sender, TCP.FIN | TCP.ACK);
      sim.after(senderDelay, () => conn.send(sim.out, sim.now, sender, TCP.ACK));
    });
  };

  conn.send(sim.out, sim.now, true, TCP.SYN);
  sim.after(wan, () => {
    conn.send(sim.out, sim.now, false, TCP.SYN | TCP.ACK);
    sim.after(lan, () => {
      conn.send(sim.out, sim.now, true, TCP.ACK);
      sim.after(sender ? 20 * US : wan + 20 * US, data);
    });
  });
}

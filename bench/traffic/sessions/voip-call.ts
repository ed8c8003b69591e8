/**
 * A phone call: G.711 µ-law over RTP (RFC 3550; payload type 0, RFC 3551 §4.5.14) between a desk
 * phone and the PBX, one packet of 160 samples (20 ms at 8 kHz) every 20 ms each way, marked EF.
 */
import type { Host } from '../hosts';
import type { PayloadSource } from '../payload';
import { MS, type Simulation } from '../simulation';
import { UdpFlow } from '../udp-flow';
import { put16, put32 } from '../wire';

const PACKET_INTERVAL = 20 * MS;
const SAMPLES = 160;
const RTP_HEADER = 12;
/** Expedited Forwarding (RFC 3246), DSCP 46 in the top six bits. */
const TOS_EF = 46 << 2;
/** Media ports: even (RFC 3550 §11), in a block Wireshark maps to no dissector. */
const MEDIA_PORT_PAIRS = 400;
const MEDIA_PORT_BASE = 16_384;

/** One direction's RTP stream: the header fields that advance with every packet. */
class RtpStream implements PayloadSource {
  sequence: number;
  timestamp: number;

  constructor(
    private readonly sim: Simulation,
    readonly ssrc: number,
  ) {
    // Random initial sequence number and timestamp (RFC 3550 §5.1).
    this.sequence = sim.random.int(0, 0xffff);
    this.timestamp = sim.random.uint32();
  }

  write(bytes: Uint8Array, at: number, length: number): void {
    bytes[at] = 0x80; // version 2, no padding, no extension, no CSRCs
    bytes[at + 1] = 0; // marker 0, payload type 0 (PCMU)
    put16(bytes, at + 2, this.sequence);
    put32(bytes, at + 4, this.timestamp);
    put32(bytes, at + 8, this.ssrc);
    // Encoded audio: incompressible bytes stand in for speech.
    this.sim.files.write(bytes, at + RTP_HEADER, length - RTP_HEADER, this.timestamp);
  }

  advance(): void {
    this.sequence = (this.sequence + 1) & 0xffff;
    this.timestamp = (this.timestamp + SAMPLES) >>> 0;
  }
}

export function startVoipCall(sim: Simulation, phone: Host, durationNs: number): void {
  const route = sim.route(phone, sim.plan.pbx, 4, TOS_EF);
  const mediaPort = (): number => MEDIA_PORT_BASE + 2 * sim.random.int(0, MEDIA_PORT_PAIRS - 1);
  const flow = new UdpFlow(route, mediaPort(), mediaPort());
  const start = sim.now;
  const end = start + durationNs;
  // The phone sends on its own clock; the PBX's packets cross the WAN and arrive with jitter.
  speak(sim, flow, true, start, end, 0.2 * MS);
  speak(sim, flow, false, start + sim.random.uniform(0, PACKET_INTERVAL), end, 3 * MS);
}

function speak(sim: Simulation, flow: UdpFlow, outbound: boolean, start: number, end: number, jitter: number): void {
  const stream = new RtpStream(sim, sim.random.uint32());
  let count = 0;
  const tick = (): void => {
    flow.send(sim.out, sim.now, outbound, RTP_HEADER + SAMPLES, stream);
    stream.advance();
    count += 1;
    // Jitter is smaller than the interval, so packets of one stream never swap places.
    const next = start + count * PACKET_INTERVAL + sim.random.uniform(0, jitter);
    if (next < end) sim.at(next, tick);
  };
  sim.at(start, tick);
}

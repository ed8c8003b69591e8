/**
 * Capture time of a packet in epoch seconds. Every detector window runs on this clock, never on
 * wall time, so a file analysed in two seconds yields the same detections as the live capture did.
 */
import type { Packet } from '../../decode/packet';

export function packetTime(packet: Packet): number {
  return packet.seconds + packet.nanos * 1e-9;
}

/** An ARP request, broadcast, and its unicast reply (RFC 826) for Ethernet and IPv4. */
import type { Host } from '../hosts';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, MIN_FRAME, writeLinkHeader } from '../link-header';
import { MS, type Simulation } from '../simulation';
import { put16 } from '../wire';

const BROADCAST = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
const NO_MAC = new Uint8Array(6);
const HARDWARE_ETHERNET = 1;
const REQUEST = 1;
const REPLY = 2;

/** `asker` wants `target`'s MAC; the reply follows after the target's turnaround. */
export function startArpExchange(sim: Simulation, asker: Host, target: Host): void {
  sendArp(sim, REQUEST, asker, target);
  sim.after(sim.random.uniform(0.05, 1) * MS, () => sendArp(sim, REPLY, target, asker));
}

function sendArp(sim: Simulation, operation: number, sender: Host, target: Host): void {
  const at = sim.out.begin(sim.now, MIN_FRAME);
  const bytes = sim.out.bytes;
  const request = operation === REQUEST;
  const arp = writeLinkHeader(bytes, at, request ? BROADCAST : target.mac, sender.mac, ETHERTYPE_ARP, 0);
  put16(bytes, arp, HARDWARE_ETHERNET);
  put16(bytes, arp + 2, ETHERTYPE_IPV4);
  bytes[arp + 4] = 6; // hardware address length
  bytes[arp + 5] = 4; // protocol address length
  put16(bytes, arp + 6, operation);
  bytes.set(sender.mac, arp + 8);
  bytes.set(sender.ipv4, arp + 14);
  bytes.set(request ? NO_MAC : target.mac, arp + 18);
  bytes.set(target.ipv4, arp + 24);
}

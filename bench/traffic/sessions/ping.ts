/**
 * `ping -c N`: ICMP echo requests one second apart and their replies (RFC 792), or ICMPv6 echo
 * (RFC 4443 §4.1) over IPv6, with Linux ping's 56 data bytes.
 */
import { beginIpFrame, sealTransport } from '../ip-frame';
import { PROTOCOL } from '../ip-header';
import type { Host } from '../hosts';
import type { Family, Route } from '../route';
import { MS, SECOND, type Simulation } from '../simulation';
import { put16 } from '../wire';

const DATA = 56;
const ECHO = {
  4: { request: 8, reply: 0, protocol: PROTOCOL.ICMP },
  6: { request: 128, reply: 129, protocol: PROTOCOL.ICMPV6 },
} as const;

/** Pings over `family`, or over IPv6 now and then when both ends have it. */
export function startPing(sim: Simulation, client: Host, target: Host, count: number, family?: Family): void {
  const route = sim.route(client, target, family ?? sim.family(client, target, 0.4));
  const id = sim.random.int(0, 0xffff);
  const rtt = sim.random.logUniform(0.3, 30) * MS;
  for (let seq = 1; seq <= count; seq++) {
    const sent = sim.now + (seq - 1) * SECOND + sim.random.uniform(0, 0.5) * MS;
    sim.at(sent, () => sendEcho(sim, route, true, id, seq));
    sim.at(sent + rtt, () => sendEcho(sim, route, false, id, seq));
  }
}

function sendEcho(sim: Simulation, route: Route, request: boolean, id: number, seq: number): void {
  const kind = ECHO[route.family];
  const length = 8 + DATA;
  const at = beginIpFrame(sim.out, sim.now, route, request, kind.protocol, length);
  const bytes = sim.out.bytes;
  bytes[at] = request ? kind.request : kind.reply;
  put16(bytes, at + 4, id);
  put16(bytes, at + 6, seq);
  // Linux ping's pattern: each data byte is its own index.
  for (let i = 0; i < DATA; i++) bytes[at + 8 + i] = i;
  sealTransport(bytes, at, route.family, kind.protocol, length);
}

/**
 * A name lookup through the office resolver over UDP port 53: an A query, and on a dual-stack
 * host an AAAA query from the same socket, each answered after a cache hit (sub-millisecond) or a
 * recursive resolution (tens of milliseconds); a few names do not exist (NXDOMAIN).
 */
import { DNS_TYPE, dnsQuery, dnsResponse, RCODE_NXDOMAIN, type DnsType } from '../dns-message';
import type { Host } from '../hosts';
import { MessagePayload } from '../payload';
import { MS, US, type Simulation } from '../simulation';
import { UdpFlow } from '../udp-flow';

const DNS_PORT = 53;
const LABELS = ['www', 'mail', 'api', 'cdn', 'files', 'calendar', 'chat', 'login', 'updates', 'wiki'];
/** Names reserved for documentation (RFC 2606, RFC 6761), so none resolves for real. */
const DOMAINS = ['example.com', 'example.net', 'example.org', 'corp.example'];

export function startDnsLookup(sim: Simulation, client: Host): void {
  const { random, plan } = sim;
  const family = sim.family(client, plan.resolver, 0.3);
  const flow = new UdpFlow(sim.route(client, plan.resolver, family), sim.clientPort(client), DNS_PORT);
  const name = `${random.pick(LABELS)}.${random.pick(DOMAINS)}`;
  const types: DnsType[] = client.ipv6 === undefined ? [DNS_TYPE.A] : [DNS_TYPE.A, DNS_TYPE.AAAA];
  const exists = random.chance(0.96);
  const latency = random.chance(0.8) ? random.uniform(0.2, 2) * MS : random.logUniform(5, 80) * MS;
  const ttl = random.pick([60, 300, 3600]);
  types.forEach((type, n) => {
    const id = random.int(0, 0xffff);
    const addresses = exists ? answers(sim, type) : [];
    const query = new MessagePayload(dnsQuery(id, name, type));
    const response = new MessagePayload(
      dnsResponse(id, name, type, { ttl, addresses, ...(exists ? {} : { rcode: RCODE_NXDOMAIN }) }),
    );
    const asked = sim.now + n * 40 * US;
    sim.at(asked, () => flow.send(sim.out, sim.now, true, query.message.length, query));
    sim.at(asked + latency + n * 10 * US, () => flow.send(sim.out, sim.now, false, response.message.length, response));
  });
}

/** One to three addresses of the web servers, of the family the type asks for. */
function answers(sim: Simulation, type: DnsType): Uint8Array[] {
  const count = sim.random.int(1, 3);
  return Array.from({ length: count }, () => {
    const server = sim.random.pick(sim.plan.webServers);
    if (type === DNS_TYPE.A) return server.ipv4;
    if (server.ipv6 === undefined) throw new Error('an AAAA answer needs a dual-stack web server');
    return server.ipv6;
  });
}

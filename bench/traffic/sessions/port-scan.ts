/**
 * A TCP SYN ("half-open") port scan as nmap -sS runs it: one source port, SYNs to the target's
 * ports in random order at a steady rate; closed ports answer RST/ACK (RFC 9293 §3.10.7.1), open
 * ones SYN/ACK, which the scanner tears down with a RST instead of completing the handshake.
 */
import type { Host } from '../hosts';
import { MS, type Simulation } from '../simulation';
import { TCP, TcpConnection } from '../tcp-connection';

export interface PortScanSpec {
  readonly scanner: Host;
  readonly target: Host;
  readonly ports: readonly number[];
  readonly openPorts: ReadonlySet<number>;
  readonly probesPerSecond: number;
}

export function startPortScan(sim: Simulation, spec: PortScanSpec): void {
  const route = sim.route(spec.scanner, spec.target, 4);
  const sourcePort = sim.clientPort(spec.scanner);
  const order = sim.random.shuffle(spec.ports);
  const gap = 1000 / spec.probesPerSecond;
  let next = 0;
  const probe = (): void => {
    const port = order[next];
    if (port === undefined) return;
    next += 1;
    const open = spec.openPorts.has(port);
    // A closed port's RST carries sequence number 0: it answers a SYN it never acknowledged.
    const conn = new TcpConnection(route, sourcePort, port, sim.random.uint32(), open ? sim.random.uint32() : 0);
    conn.send(sim.out, sim.now, true, TCP.SYN);
    sim.after(sim.random.uniform(0.2, 0.6) * MS, () => {
      if (!open) {
        conn.send(sim.out, sim.now, false, TCP.RST | TCP.ACK);
        return;
      }
      conn.send(sim.out, sim.now, false, TCP.SYN | TCP.ACK);
      sim.after(0.05 * MS, () => conn.send(sim.out, sim.now, true, TCP.RST));
    });
    sim.after(gap * MS, probe);
  };
  probe();
}

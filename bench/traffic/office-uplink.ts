/**
 * "A busy office uplink": the traffic mix, as arrival rates of each kind of session. In steady
 * state 20–30 k packets/s, depending on the seed: ~35 calls in progress (3.5 k pkt/s of small RTP), one or two bulk
 * transfers (~60% of the bytes), ~250 short web fetches/s, ~120 lookups/s, pings (a monitoring
 * host watches the gateway over both families), ARP, and a SYN scan of 1,024 ports every 30 s.
 */
import type { OfficePlan } from './office-plan';
import { startArpExchange } from './sessions/arp-exchange';
import { startBulkTransfer } from './sessions/bulk-transfer';
import { startDnsLookup } from './sessions/dns-lookup';
import { startHttpFetch } from './sessions/http-fetch';
import { startPing } from './sessions/ping';
import { startPortScan } from './sessions/port-scan';
import { startVoipCall } from './sessions/voip-call';
import { MS, SECOND, type Simulation } from './simulation';

const CALLS_AT_START = 30;
const MONITOR_PINGS = 10;
const SCAN_PORTS = Array.from({ length: 1024 }, (_, n) => n + 1);
const SCAN_OPEN_PORTS = new Set([22, 80, 443]);

export function startOfficeUplink(sim: Simulation): void {
  const { random } = sim;
  const plan: OfficePlan = sim.plan;
  const client = () => random.pick(plan.clients);

  // Calls already in progress when the capture starts, then new ones.
  for (let n = 0; n < CALLS_AT_START; n++) {
    sim.after(random.uniform(0, 20) * MS, () =>
      startVoipCall(sim, random.pick(plan.phones), random.uniform(5, 120) * SECOND),
    );
  }
  sim.arrivals(2 * SECOND, () => startVoipCall(sim, random.pick(plan.phones), random.uniform(20, 180) * SECOND));

  const bulk = (): void =>
    startBulkTransfer(sim, {
      client: client(),
      server: random.pick(plan.storage),
      bytes: Math.round(random.logUniform(2e6, 200e6)),
      bitsPerSecond: random.logUniform(20e6, 300e6),
      upload: random.chance(0.5),
    });
  sim.after(random.uniform(0, 50) * MS, bulk);
  sim.arrivals(3 * SECOND, bulk);

  sim.arrivals(4 * MS, () => startHttpFetch(sim, client(), random.pick(plan.webServers)));
  sim.arrivals(8 * MS, () => startDnsLookup(sim, client()));
  // Ten pings to the gateway over both families, every ten seconds.
  const monitor = (): void => {
    startPing(sim, plan.monitor, plan.router, MONITOR_PINGS, 4);
    startPing(sim, plan.monitor, plan.router, MONITOR_PINGS, 6);
    sim.after(MONITOR_PINGS * SECOND, monitor);
  };
  sim.after(random.uniform(0, 100) * MS, monitor);
  sim.arrivals(0.5 * SECOND, () => {
    const target = random.chance(0.3) ? plan.router : random.pick(plan.webServers);
    startPing(sim, client(), target, random.int(3, 10));
  });
  // The router re-resolving a client whose entry aged out, or a client its gateway.
  sim.arrivals(200 * MS, () => {
    const host = client();
    if (random.chance(0.5)) startArpExchange(sim, plan.router, host);
    else startArpExchange(sim, host, plan.router);
  });

  const scan = (): void => {
    startPortScan(sim, {
      scanner: plan.scanner,
      target: random.pick(plan.webServers),
      ports: SCAN_PORTS,
      openPorts: SCAN_OPEN_PORTS,
      probesPerSecond: 2000,
    });
    sim.after(30 * SECOND, scan);
  };
  sim.after(300 * MS, scan);
}

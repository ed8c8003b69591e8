/**
 * Throughput measurement (not a test): FlowTable.add over synthetic packets, and the key-lookup
 * strategies the table could use, measured in one run so the choice in flow-index.ts stays honest.
 *
 *   npx esbuild main/engine/flows/measure-flow-table.ts --bundle --platform=node --format=esm \
 *     --outfile=/tmp/measure-flow-table.mjs && node /tmp/measure-flow-table.mjs [packets] [flows]
 *
 * Packets pick a flow uniformly at random (the cache-unfriendly case) and a random direction;
 * timestamps advance 1 µs per packet, so nothing times out and every flow stays open.
 */
import { IPPROTO, L3, LAYER, Packet, TCP_FLAG } from '../decode/packet';
import { FlowIndex, NOT_FOUND } from './flow-index';
import { flowKeyHash, isReverseKey, isSameKey, KEY_WORDS, storeKey, writeFlowKey } from './flow-key';
import { ROW, ROW_SLOTS } from './flow-layout';
import { FlowTable } from './flow-table';
import { randomInt, seededRandom } from '../../../common/seeded-random';

interface Workload {
  readonly packets: number;
  readonly flows: number;
  readonly clients: Uint32Array;
  readonly servers: Uint32Array;
  readonly clientPorts: Uint16Array;
  readonly serverPorts: Uint16Array;
  readonly v6: Uint8Array;
  readonly flowOf: Int32Array;
  readonly backward: Uint8Array;
  readonly lengths: Uint16Array;
}

/**
 * `train`: packets of one flow come in runs of this mean length (1 = every packet picks a flow at
 * random, the cache-hostile case; real traffic comes in window-sized bursts).
 */
function makeWorkload(packets: number, flows: number, v6Share: number, train: number): Workload {
  const random = seededRandom(42);
  const workload: Workload = {
    packets,
    flows,
    clients: new Uint32Array(flows),
    servers: new Uint32Array(flows),
    clientPorts: new Uint16Array(flows),
    serverPorts: new Uint16Array(flows),
    v6: new Uint8Array(flows),
    flowOf: new Int32Array(packets),
    backward: new Uint8Array(packets),
    lengths: new Uint16Array(packets),
  };
  for (let f = 0; f < flows; f++) {
    workload.clients[f] = (0x0a000000 | randomInt(random, 1 << 16)) >>> 0;
    workload.servers[f] = (0xc0a80000 | randomInt(random, 256)) >>> 0;
    workload.clientPorts[f] = 1024 + randomInt(random, 60000);
    workload.serverPorts[f] = [80, 443, 53, 22][randomInt(random, 4)] ?? 443;
    workload.v6[f] = random() < v6Share ? 1 : 0;
  }
  let flow = 0;
  for (let i = 0; i < packets; i++) {
    if (train <= 1 || random() < 1 / train) flow = randomInt(random, flows);
    workload.flowOf[i] = flow;
    workload.backward[i] = random() < 0.5 ? 1 : 0;
    workload.lengths[i] = 40 + randomInt(random, 1460);
  }
  return workload;
}

/** Overwrites `packet` with packet `i` of the workload, as the decoder would. */
function fill(packet: Packet, w: Workload, i: number): void {
  const f = w.flowOf[i] ?? 0;
  const back = w.backward[i] === 1;
  const client = w.clients[f] ?? 0;
  const server = w.servers[f] ?? 0;
  const v6 = w.v6[f] === 1;
  packet.seconds = 1_700_000_000 + Math.floor(i / 1_000_000);
  packet.nanos = (i % 1_000_000) * 1000;
  packet.l3 = v6 ? L3.IPV6 : L3.IPV4;
  packet.depth = LAYER.TRANSPORT;
  packet.src[0] = back ? server : client;
  packet.dst[0] = back ? client : server;
  packet.src[3] = packet.dst[3] = v6 ? 1 : 0;
  packet.protocol = IPPROTO.TCP;
  packet.srcPort = back ? (w.serverPorts[f] ?? 0) : (w.clientPorts[f] ?? 0);
  packet.dstPort = back ? (w.clientPorts[f] ?? 0) : (w.serverPorts[f] ?? 0);
  packet.tcpFlags = TCP_FLAG.ACK;
  packet.tcpWindow = 502;
  const length = w.lengths[i] ?? 40;
  packet.ipLength = length;
  packet.ipHeaderLength = v6 ? 40 : 20;
  packet.payloadLength = length - 40;
}

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Seconds for the fill loop alone, subtracted from the others to show the flow table's own cost. */
function measureFill(w: Workload): number {
  const packet = new Packet();
  return time(() => {
    for (let i = 0; i < w.packets; i++) fill(packet, w, i);
  });
}

function measureFlowTable(w: Workload): { seconds: number; records: number; flushSeconds: number } {
  let records = 0;
  const table = new FlowTable({ onFlow: () => records++ });
  const packet = new Packet();
  const seconds = time(() => {
    for (let i = 0; i < w.packets; i++) {
      fill(packet, w, i);
      table.add(packet);
    }
  });
  const flushSeconds = time(() => table.flush());
  return { seconds, records, flushSeconds };
}

/** Key → slot through the open-addressing FlowIndex, keys in flow rows (what FlowTable uses). */
function measureOpenAddressing(w: Workload): number {
  const packet = new Packet();
  const key = new Uint32Array(KEY_WORDS);
  const rows = new Float64Array(w.flows * ROW_SLOTS);
  const index = new FlowIndex(w.flows);
  let used = 0;
  return time(() => {
    for (let i = 0; i < w.packets; i++) {
      fill(packet, w, i);
      writeFlowKey(packet, key);
      const hash = flowKeyHash(key);
      if (index.find(key, hash, rows) === NOT_FOUND) {
        storeKey(rows, used * ROW_SLOTS + ROW.KEY, key, false);
        index.insert(used++, hash);
      }
    }
  });
}

/** Key → slot through a Map keyed by a direction-independent string (CICFlowMeter's way). */
function measureStringMap(w: Workload): number {
  const packet = new Packet();
  const map = new Map<string, number>();
  return time(() => {
    for (let i = 0; i < w.packets; i++) {
      fill(packet, w, i);
      const a = `${packet.src[0] ?? 0}/${packet.src[3] ?? 0}:${packet.srcPort}`;
      const b = `${packet.dst[0] ?? 0}/${packet.dst[3] ?? 0}:${packet.dstPort}`;
      const key = a < b ? `${a}-${b}-${packet.protocol}` : `${b}-${a}-${packet.protocol}`;
      if (map.get(key) === undefined) map.set(key, map.size);
    }
  });
}

/** Key → slot through a Map keyed by the symmetric hash, chained on collisions, keys verified. */
function measureHashMap(w: Workload): number {
  const packet = new Packet();
  const key = new Uint32Array(KEY_WORDS);
  const keys = new Float64Array(w.flows * KEY_WORDS);
  const map = new Map<number, number[]>();
  let used = 0;
  return time(() => {
    for (let i = 0; i < w.packets; i++) {
      fill(packet, w, i);
      writeFlowKey(packet, key);
      const hash = flowKeyHash(key);
      const chain = map.get(hash);
      if (chain === undefined) {
        storeKey(keys, used * KEY_WORDS, key, false);
        map.set(hash, [used++]);
        continue;
      }
      let found = false;
      for (const slot of chain) {
        const offset = slot * KEY_WORDS;
        if (isSameKey(keys, offset, key) || isReverseKey(keys, offset, key)) {
          found = true;
          break;
        }
      }
      if (!found) {
        storeKey(keys, used * KEY_WORDS, key, false);
        chain.push(used++);
      }
    }
  });
}

function rate(packets: number, seconds: number): string {
  return `${(packets / seconds / 1e6).toFixed(2)} M packets/s`;
}

function best(runs: number, measure: () => number): number {
  let fastest = Infinity;
  for (let r = 0; r < runs; r++) fastest = Math.min(fastest, measure());
  return fastest;
}

function main(): void {
  const packets = Number(process.argv[2] ?? 2_000_000);
  const flows = Number(process.argv[3] ?? 100_000);
  for (const [v6Share, train] of [
    [0, 1],
    [0.1, 1],
    [0.1, 8],
  ] as const) {
    const w = makeWorkload(packets, flows, v6Share, train);
    const shape = train > 1 ? `in trains of ~${train} packets` : 'each packet to a random flow';
    console.log(
      `\n${packets.toLocaleString('en')} packets over ${flows.toLocaleString('en')} flows, ${v6Share * 100}% IPv6, ${shape}`,
    );
    const fill = best(3, () => measureFill(w));
    console.log(`  packet fill alone            ${rate(packets, fill)}`);
    let records = 0;
    let flush = Infinity;
    const table = best(3, () => {
      const result = measureFlowTable(w);
      records = result.records;
      flush = Math.min(flush, result.flushSeconds);
      return result.seconds;
    });
    console.log(`  FlowTable.add (all features) ${rate(packets, table)}`);
    console.log(`    without the fill           ${rate(packets, table - fill)}`);
    console.log(
      `  flush: FlowRecords built     ${(records / flush / 1e6).toFixed(2)} M records/s (${records} records)`,
    );
    console.log(
      `  lookup: open addressing      ${rate(
        packets,
        best(3, () => measureOpenAddressing(w)),
      )}`,
    );
    console.log(
      `  lookup: Map<number> chains   ${rate(
        packets,
        best(3, () => measureHashMap(w)),
      )}`,
    );
    console.log(
      `  lookup: Map<string>          ${rate(
        packets,
        best(3, () => measureStringMap(w)),
      )}`,
    );
  }
}

main();

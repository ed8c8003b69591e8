import { describe, expect, it } from 'vitest';
import type { Alert } from '../../preload/api/alerts';
import type { DetectorFactory } from '../engine/detect/detector';
import type { FlowRecord } from '../engine/flows/flow-record';
import { LivePipeline } from './live-pipeline';
import { PacketRing } from './packet-ring';
import { batchOf } from './testing/frame-batches';
import { tcpFrame } from './testing/tcp-frames';
import { ZERO_COUNTERS } from './testing/zero-counters';

const T0 = 1_700_000_000;

/**
 * A SYN to each of `ports` ports, 10 ms apart, answered by RST-ACK as a closed port does, or
 * unanswered as a filtered port is (the flow then stays open until its idle timeout).
 */
function scan(ports: number, answered = true, start = T0): ReturnType<typeof batchOf> {
  const frames = [];
  for (let port = 1; port <= ports; port++) {
    const time = start + port * 0.01;
    frames.push({
      time,
      bytes: tcpFrame({ src: '10.77.50.2', dst: '10.77.50.1', srcPort: 40000, dstPort: port, flags: 0x02 }),
    });
    if (!answered) continue;
    frames.push({
      time: time + 0.001,
      bytes: tcpFrame({ src: '10.77.50.1', dst: '10.77.50.2', srcPort: port, dstPort: 40000, flags: 0x14 }),
    });
  }
  return batchOf(frames);
}

describe('LivePipeline', () => {
  it('should raise a port scan from live batches, as a live alert handed over after the batch', () => {
    const alerts: Alert[] = [];
    const pipeline = new LivePipeline({
      detection: { origin: { type: 'live', interface: 'veth0' }, onAlerts: (batch) => alerts.push(...batch) },
    });
    pipeline.addBatch(scan(50));
    expect(alerts.map((alert) => alert.kind)).toContain('port_scan');
    expect(alerts.find((alert) => alert.kind === 'port_scan')).toMatchObject({
      src: '10.77.50.2',
      dst: '10.77.50.1',
      source: { type: 'live', interface: 'veth0' },
    });
  });

  it('should run the detectors it is given, models as well as rules', () => {
    const seen: number[] = [];
    const counting: DetectorFactory = () => ({
      name: 'model:counting',
      onPacket: (packet) => seen.push(packet.dstPort),
    });
    const pipeline = new LivePipeline({
      detection: { origin: { type: 'live', interface: 'lo' }, detectors: [counting] },
    });
    pipeline.addBatch(scan(3));
    expect(seen).toEqual([1, 40000, 2, 40000, 3, 40000]);
  });

  it('should close idle flows on the timer although no packet arrives, and report the live figures', () => {
    const closed: FlowRecord[] = [];
    const ring = new PacketRing();
    const pipeline = new LivePipeline({
      detection: { origin: { type: 'live', interface: 'veth0' } },
      flows: { idleTimeout: 5 },
      onFlow: (flow) => closed.push(flow),
      ring,
    });
    pipeline.tick(T0, ZERO_COUNTERS);
    pipeline.addBatch(scan(10, false));
    const busy = pipeline.tick(T0 + 1, ZERO_COUNTERS);
    expect(busy.activeFlows).toBe(10);
    expect(busy.packetsPerSecond).toBe(10);
    expect(busy.bitsPerSecond).toBe(10 * 54 * 8);
    expect(busy.protocols).toEqual([{ protocol: 'TCP', packets: 10, bytes: 10 * 54 }]);
    expect(busy.topTalkers.map((talker) => talker.address).sort()).toEqual(['10.77.50.1', '10.77.50.2']);
    expect(closed).toHaveLength(0);

    const quiet = pipeline.tick(T0 + 10, ZERO_COUNTERS);
    expect(closed).toHaveLength(10);
    expect(quiet.activeFlows).toBe(0);
    expect(quiet.closedFlows).toBe(10);
    expect(quiet.packetsPerSecond).toBe(0);
    expect(ring.size).toBe(10);
  });
});

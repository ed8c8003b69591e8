import { describe, expect, it } from 'vitest';
import { DECODE } from '../../decode';
import { IPPROTO, Packet } from '../../decode/packet';
import { fillPacket } from '../../flows/test-packets';
import type { Detection } from '../detection';
import { TRAFFIC_SPIKE_DEFAULTS, TrafficSpikeDetector, type TrafficSpikeOptions } from './traffic_spike';

const TARGET = '10.77.0.3';
const FRAME = { index: 0, fileOffset: 0, flowId: 0 };

function setup(options: TrafficSpikeOptions = {}) {
  const detections: Detection[] = [];
  const detector = new TrafficSpikeDetector((d) => detections.push(d), options);
  const packet = new Packet();
  const add = (t: number, src: string, dst = TARGET): void => {
    const fields = { t, src, dst, srcPort: 40000, dstPort: 80, protocol: IPPROTO.UDP };
    detector.onPacket(fillPacket(packet, fields), DECODE.OK, FRAME);
  };
  /** `pps` packets per second to TARGET from `sources` clients, evenly spread, from t0 for `seconds`. */
  const traffic = (t0: number, seconds: number, pps: number, sources: number, prefix = '10.77.1'): void => {
    const n = Math.round(seconds * pps);
    for (let i = 0; i < n; i++) add(t0 + i / pps, `${prefix}.${i % sources}`);
  };
  return { detector, detections, add, traffic };
}

describe('TrafficSpikeDetector', () => {
  it('should report many sources driving a target past ten times its baseline, with src null', () => {
    const { detector, detections, traffic } = setup();
    // Ten minutes of normal: 150 pps from 20 clients.
    traffic(1000, 600, 150, 20);
    expect(detector.baselineOf(TARGET)).toBeCloseTo(150, 0);
    expect(detections).toEqual([]);
    // A flood of 2,000 pps from 200 addresses for 20 s.
    traffic(1600, 20, 2000, 200, '10.88.0');
    detector.finish();
    expect(detections).toHaveLength(1);
    expect(detections[0]).toMatchObject({
      kind: 'traffic_spike',
      src: null,
      dst: TARGET,
      detector: 'rule:traffic_spike',
      evidence: { packetsPerSecond: 2000, sources: 64, sourcesSaturated: true, intervalSeconds: 10 },
    });
    expect(detections[0]?.evidence.baselinePps).toBeCloseTo(150, 0);
    expect(detections[0]?.firstSeen).toBeCloseTo(1600, 3);
    expect(detections[0]?.score).toBeGreaterThan(0.5);
  });

  it('should fire at exactly multiplier × floor from minSources sources', () => {
    const { detections, traffic, detector } = setup();
    const { floorPps, multiplier, minSources, learningIntervals, intervalSeconds } = TRAFFIC_SPIKE_DEFAULTS;
    const learning = learningIntervals * intervalSeconds;
    traffic(1000, learning, 20, 5); // a minute of ordinary traffic first: the target's normal
    traffic(1000 + learning, 10, floorPps * multiplier, minSources);
    detector.finish();
    expect(detections).toHaveLength(1);
    expect(detections[0]?.score).toBe(0.5);
  });

  it('should not judge a target it has no history for yet', () => {
    const { detections, traffic, detector } = setup();
    const { floorPps, multiplier, minSources } = TRAFFIC_SPIKE_DEFAULTS;
    // A capture that starts mid-flood: there is no normal to compare with (the flood rules' job).
    traffic(1000, 30, floorPps * multiplier * 2, minSources);
    detector.finish();
    expect(detections).toEqual([]);
  });

  it('should stay quiet when one fewer source sends the same flood', () => {
    const { detections, traffic, detector } = setup();
    const { floorPps, multiplier, minSources } = TRAFFIC_SPIKE_DEFAULTS;
    traffic(1000, 30, floorPps * multiplier * 5, minSources - 1);
    detector.finish();
    expect(detections).toEqual([]);
  });

  it('should stay quiet on a diurnal rise from 20 to 400 pps over an hour', () => {
    const { detections, add, detector } = setup({ floorPps: 10 });
    // Rate grows linearly; packets from 50 clients.
    let t = 0;
    let i = 0;
    while (t < 3600) {
      const pps = 20 + (380 * t) / 3600;
      add(5000 + t, `10.77.1.${i % 50}`);
      t += 1 / pps;
      i += 1;
    }
    detector.finish();
    expect(detections).toEqual([]);
    expect(detector.baselineOf(TARGET)).toBeGreaterThan(300);
  });

  it('should keep its tables within their caps when a flood hits many targets from spoofed sources', () => {
    const { detector, add } = setup({ maxTargets: 100, maxSourcesPerTarget: 8 });
    for (let i = 0; i < 50_000; i++) add(1000 + i * 0.0001, `10.${(i >> 8) & 255}.${i & 255}.1`, `10.99.${i % 500}.1`);
    expect(detector.size).toBeLessThanOrEqual(100 + 100 * 8);
  });
});

import { describe, expect, it } from 'vitest';
import { MAX_BUCKETS, Timeline } from './timeline';

describe('Timeline', () => {
  it('should count packets and bytes per second of capture time', () => {
    const timeline = new Timeline();
    timeline.add(1000.2, 60);
    timeline.add(1000.9, 40);
    timeline.add(1002.5, 1500);
    expect(timeline.snapshot()).toEqual({ start: 1000, bucketSeconds: 1, packets: [2, 0, 1], bytes: [100, 0, 1500] });
  });

  it('should widen its buckets instead of growing past its bound', () => {
    const timeline = new Timeline();
    timeline.add(0, 1);
    timeline.add(MAX_BUCKETS * 3 + 0.5, 1);
    const snapshot = timeline.snapshot();
    expect(snapshot.bucketSeconds).toBe(4);
    expect(snapshot.packets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(snapshot.packets.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('should take packets earlier than the first one', () => {
    const timeline = new Timeline();
    timeline.add(1005, 10);
    timeline.add(1002, 20);
    expect(timeline.snapshot()).toEqual({
      start: 1002,
      bucketSeconds: 1,
      packets: [1, 0, 0, 1],
      bytes: [20, 0, 0, 10],
    });
  });

  it('should stay bounded when a bogus timestamp is decades away', () => {
    const timeline = new Timeline();
    timeline.add(1_700_000_000, 10);
    timeline.add(0, 10);
    const snapshot = timeline.snapshot();
    expect(snapshot.packets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(snapshot.packets.reduce((a, b) => a + b, 0)).toBe(2);
    expect(snapshot.start).toBeLessThanOrEqual(0);
  });

  it('should say when nothing was seen', () => {
    expect(new Timeline().snapshot()).toEqual({ start: null, bucketSeconds: 1, packets: [], bytes: [] });
  });
});

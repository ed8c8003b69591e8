import { beforeEach, describe, expect, it } from 'vitest';
import { WirewatchDatabase } from '../db/database';
import { chartData, storeChartData, viewChartData } from './alert-charts';
import { storeAlerts } from './alert-intake';
import { freshIndexedDb, testAlert } from './testing';

describe('alert charts', () => {
  beforeEach(() => freshIndexedDb());

  it('should count alerts per time bucket and severity, and rank kinds', () => {
    const data = chartData([
      { time: 1000, severity: 0, kind: 'port_scan' },
      { time: 1001, severity: 2, kind: 'brute_force' },
      { time: 1030, severity: 2, kind: 'port_scan' },
    ]);
    expect(data.timeline.bucketSeconds).toBe(1);
    expect(data.timeline.starts).toHaveLength(31);
    expect(data.timeline.bySeverity.low[0]).toBe(1);
    expect(data.timeline.bySeverity.high[1]).toBe(1);
    expect(data.timeline.bySeverity.high[30]).toBe(1);
    expect(data.topKinds).toEqual([
      { kind: 'port_scan', count: 2 },
      { kind: 'brute_force', count: 1 },
    ]);
    expect(chartData([]).timeline.starts).toEqual([]);
  });

  it('should widen buckets for long spans', () => {
    const data = chartData([
      { time: 0, severity: 0, kind: 'a' },
      { time: 86_400, severity: 0, kind: 'a' },
    ]);
    expect(data.timeline.starts.length).toBeLessThanOrEqual(60);
    expect(data.timeline.bucketSeconds).toBe(1800);
  });

  it('should count the same from records and from index probes', async () => {
    const db = new WirewatchDatabase('charts');
    await storeAlerts(db, [
      testAlert('a', { severity: 'high', kind: 'brute_force', first_seen: 5 }),
      testAlert('b', { first_seen: 9 }),
      testAlert('c', { severity: 'critical', first_seen: 7 }),
      testAlert('d', { severity: 'medium', kind: 'dns_tunnel', first_seen: 100 }),
    ]);
    // The view, sorted by time: a, c, b (d is filtered out).
    const fromRecords = await viewChartData(db, ['a', 'c', 'b'], true);
    const fromIndexes = await viewChartData(db, ['a', 'c', 'b'], true, 0);
    expect(fromIndexes).toEqual(fromRecords);
    expect(fromRecords.topKinds).toEqual([
      { kind: 'port_scan', count: 2 },
      { kind: 'brute_force', count: 1 },
    ]);
    expect(fromRecords.timeline.bySeverity.critical[2]).toBe(1);
    // Not sorted by time: the axis spans every stored alert, the counts stay the view's.
    const wide = await viewChartData(db, ['a', 'c', 'b'], false, 0);
    expect(wide.timeline.starts[0]).toBe(5);
    expect(wide.timeline.starts.at(-1)).toBe(100);
    expect(wide.topKinds).toEqual(fromRecords.topKinds);
    expect(
      Object.values(wide.timeline.bySeverity)
        .flat()
        .reduce((sum, n) => sum + n, 0),
    ).toBe(3);
  });

  it('should count every stored alert the same from counts alone as from their records', async () => {
    const db = new WirewatchDatabase('store-charts');
    expect((await storeChartData(db)).timeline.starts).toEqual([]);
    await storeAlerts(
      db,
      Array.from({ length: 40 }, (_unused, index) =>
        testAlert(`s${index}`, {
          severity: (['low', 'medium', 'high', 'critical'] as const)[index % 4] ?? 'low',
          kind: index % 3 === 0 ? 'brute_force' : 'port_scan',
          first_seen: 1_000 + index * 97.5,
        }),
      ),
    );
    const ids = (await db.alerts.orderBy('first_seen').primaryKeys()).map(String);
    expect(await storeChartData(db)).toEqual(await viewChartData(db, ids, true));
  });
});

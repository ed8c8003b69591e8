import { beforeEach, describe, expect, it } from 'vitest';
import { WirewatchDatabase } from '../db/database';
import { ALERT_COLUMNS, DEFAULT_SORT, EMPTY_FILTER, type AlertFilter, type AlertSort } from './alert-filter';
import { storeAlerts } from './alert-intake';
import { buildQueryPlan, queryAlertIds, runQueryPlan } from './alert-query';
import { freshIndexedDb, variedAlerts } from './testing';

let db: WirewatchDatabase;
beforeEach(async () => {
  freshIndexedDb();
  db = new WirewatchDatabase('query');
  await storeAlerts(db, variedAlerts(), 1_000);
});

const ids = (filter: Partial<AlertFilter>, sort: AlertSort = DEFAULT_SORT): Promise<string[]> =>
  queryAlertIds(db, { ...EMPTY_FILTER, ...filter }, sort);

describe('query plans', () => {
  it('should plan no index probe but the suppressed exclusion for an empty filter', () => {
    const plan = buildQueryPlan(EMPTY_FILTER, DEFAULT_SORT);
    expect(plan.groups).toEqual([]);
    expect(plan.exclude).toEqual([{ index: '[suppressed+first_seen]', lower: [1, -Infinity], upper: [1, Infinity] }]);
    expect(plan.order).toEqual({ index: 'first_seen', reverse: true });
  });

  it("should union a field's values and fold the range's end into compound probes", () => {
    const plan = buildQueryPlan(
      { ...EMPTY_FILTER, kinds: ['port_scan', 'brute_force'], to: 1_800_000_000 },
      { column: 'severity', direction: 'ascending' },
    );
    expect(plan.groups[0]).toEqual([
      { index: '[kind+first_seen]', lower: ['port_scan', -Infinity], upper: ['port_scan', 1_800_000_000] },
      { index: '[kind+first_seen]', lower: ['brute_force', -Infinity], upper: ['brute_force', 1_800_000_000] },
    ]);
    expect(plan.groups[1]).toEqual([{ index: 'first_seen', lower: -Infinity, upper: 1_800_000_000 }]);
    expect(plan.order).toEqual({ index: '[severity_rank+first_seen]', reverse: false });
  });

  it('should turn a CIDR block into one key range and words into prefix probes', () => {
    const plan = buildQueryPlan({ ...EMPTY_FILTER, src: '10.77.0.0/16', text: 'SSH sessions' }, DEFAULT_SORT);
    expect(plan.groups).toEqual([
      [
        {
          index: '[src_key+first_seen]',
          lower: ['00000000000000000000ffff0a4d0000', -Infinity],
          upper: ['00000000000000000000ffff0a4dffff', Infinity],
        },
      ],
      [{ index: 'words', prefix: 'ssh' }],
      [{ index: 'words', prefix: 'sessions' }],
    ]);
  });

  it('should find nothing, and say why, for a source that is no address', async () => {
    const plan = buildQueryPlan({ ...EMPTY_FILTER, src: '10.77.0.0/40' }, DEFAULT_SORT);
    expect(plan.problem).toMatch(/not an IP address or CIDR block/);
    await expect(runQueryPlan(db, plan, 'time')).resolves.toEqual([]);
  });
});

describe('alert search', () => {
  it('should list every alert newest first by default', async () => {
    await expect(ids({})).resolves.toEqual(['brute', 'scan', 'tunnel', 'flood6', 'sweep']);
  });

  it('should search by kind, severity, status and origin', async () => {
    await expect(ids({ kinds: ['brute_force', 'host_sweep'] })).resolves.toEqual(['brute', 'sweep']);
    await expect(ids({ severities: ['high', 'critical'] })).resolves.toEqual(['brute', 'tunnel', 'flood6']);
    await db.alerts.update('scan', { status: 'resolved' });
    await expect(ids({ statuses: ['resolved'] })).resolves.toEqual(['scan']);
    await expect(ids({ origin: 'live:eth0' })).resolves.toEqual(['flood6']);
  });

  it('should search source and target by address or CIDR block, IPv4 and IPv6', async () => {
    await expect(ids({ src: '10.77.0.0/16' })).resolves.toEqual(['brute', 'scan']);
    await expect(ids({ src: '10.77.0.66' })).resolves.toEqual(['brute', 'scan']);
    await expect(ids({ src: '192.168.0.0/16' })).resolves.toEqual(['sweep']);
    await expect(ids({ src: '0.0.0.0/0' })).resolves.toEqual(['brute', 'scan', 'sweep']);
    await expect(ids({ src: '2001:db8::/32' })).resolves.toEqual(['flood6']);
    await expect(ids({ dst: '2001:db8:1::/48' })).resolves.toEqual(['flood6']);
    await expect(ids({ dst: '10.77.0.10/32', src: '192.168.0.0/16' })).resolves.toEqual([]);
  });

  it('should search by a port the evidence names', async () => {
    await expect(ids({ port: 22 })).resolves.toEqual(['brute', 'scan']);
    await expect(ids({ port: 445 })).resolves.toEqual(['sweep']);
  });

  it('should search free text by word prefixes, all of them', async () => {
    await expect(ids({ text: 'ssh' })).resolves.toEqual(['brute']);
    await expect(ids({ text: 'lab.te' })).resolves.toEqual(['tunnel']);
    await expect(ids({ text: '10.77.0 probed' })).resolves.toEqual(['scan']);
    await expect(ids({ text: 'lab.pcap' })).resolves.toEqual(['brute', 'scan', 'tunnel', 'sweep']);
    await expect(ids({ text: 'nothing-like-this' })).resolves.toEqual([]);
  });

  it('should keep alerts active at some time in the range', async () => {
    await expect(ids({ from: 1_795_268_680, to: 1_795_268_690 })).resolves.toEqual(['brute', 'tunnel']);
    await expect(ids({ to: 1_700_000_050 })).resolves.toEqual(['flood6', 'sweep']);
    await expect(ids({ from: 1_700_000_050, kinds: ['syn_flood', 'host_sweep'] })).resolves.toEqual(['flood6']);
  });

  it('should hide suppressed alerts unless asked to show them', async () => {
    await db.alerts.update('scan', { suppressed: 1 });
    await expect(ids({})).resolves.not.toContain('scan');
    await expect(ids({ src: '10.77.0.66' })).resolves.toEqual(['brute']);
    await expect(ids({ showSuppressed: true, src: '10.77.0.66' })).resolves.toEqual(['brute', 'scan']);
  });

  it('should sort by every column both ways, the same whether sorted here or along the index', async () => {
    for (const column of ALERT_COLUMNS) {
      for (const direction of ['ascending', 'descending'] as const) {
        const plan = buildQueryPlan(
          { ...EMPTY_FILTER, kinds: ['port_scan', 'brute_force', 'syn_flood', 'host_sweep', 'dns_tunnel'] },
          { column, direction },
        );
        const here = await runQueryPlan(db, plan, column, Infinity);
        const alongIndex = await runQueryPlan(db, plan, column, 0);
        expect(alongIndex, `${column} ${direction}`).toEqual(here);
        expect(here).toHaveLength(5);
      }
    }
    await expect(ids({}, { column: 'severity', direction: 'descending' })).resolves.toEqual([
      'flood6',
      'brute',
      'tunnel',
      'sweep',
      'scan',
    ]);
    // Addresses sort as numbers (10.77.0.66 before 192.168.1.5), alerts with many sources first.
    await expect(ids({}, { column: 'source', direction: 'ascending' })).resolves.toEqual([
      'tunnel',
      'scan',
      'brute',
      'sweep',
      'flood6',
    ]);
  });
});

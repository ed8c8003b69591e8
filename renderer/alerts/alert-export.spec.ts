import { beforeEach, describe, expect, it } from 'vitest';
import { WirewatchDatabase } from '../db/database';
import { csvHeader, exportAlerts } from './alert-export';
import { storeAlerts } from './alert-intake';
import { freshIndexedDb, testAlert } from './testing';

let db: WirewatchDatabase;
beforeEach(async () => {
  freshIndexedDb();
  db = new WirewatchDatabase('export');
  await storeAlerts(db, [
    testAlert('a', { summary: 'has "quotes", commas\nand a line break' }),
    testAlert('b', { src: null, summary: '=HYPERLINK("http://x")' }),
  ]);
});

describe('export', () => {
  it('should write JSON lines with exactly the schema fields and status, in the order given', async () => {
    const lines = (await exportAlerts(db, ['b', 'a'], 'jsonl')).join('').trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0] ?? '') as Record<string, unknown>;
    expect(Object.keys(first)).toEqual([
      'id',
      'kind',
      'severity',
      'src',
      'dst',
      'first_seen',
      'last_seen',
      'score',
      'detector',
      'summary',
      'evidence',
      'source',
      'status',
    ]);
    expect(first).toMatchObject({
      id: 'b',
      src: null,
      status: 'new',
      source: { type: 'file', path: '/captures/lab.pcap' },
    });
  });

  it('should write RFC 4180 CSV that quotes what needs it and defuses formulas', async () => {
    const csv = (await exportAlerts(db, ['a', 'b'], 'csv')).join('');
    expect(csv.startsWith(csvHeader())).toBe(true);
    expect(csv).toContain('"has ""quotes"", commas\nand a line break"');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain('"{""ports"":20,""tcpPorts"":[22,80,443]}"');
    // The header and two records; the line break inside the quoted summary is a bare LF.
    expect(csv.split('\r\n').filter((line) => line !== '')).toHaveLength(3);
  });
});

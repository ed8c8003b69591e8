import { describe, expect, it } from 'vitest';
import { Packet } from '../decode/packet';
import { FLOW_COLUMNS } from './flow-columns';
import { csvField, flowCsvHeader, flowToCsvRow } from './flow-csv';
import type { FlowRecord } from './flow-record';
import { FlowTable } from './flow-table';
import { fillPacket } from './test-packets';

function oneRecord(): FlowRecord {
  const records: FlowRecord[] = [];
  const table = new FlowTable({ onFlow: (record) => records.push(record) });
  const packet = new Packet();
  table.add(fillPacket(packet, { t: 1.25, src: '2001:db8::7', dst: '2001:db8::8', srcPort: 5, dstPort: 6 }));
  table.add(fillPacket(packet, { t: 1.5, src: '2001:db8::8', dst: '2001:db8::7', srcPort: 6, dstPort: 5 }));
  table.flush();
  const [record] = records;
  if (record === undefined) throw new Error('no record');
  return record;
}

describe('flow CSV', () => {
  it('should name every column in FLOW_COLUMNS order in the header', () => {
    expect(flowCsvHeader().split(',')).toEqual(FLOW_COLUMNS.map((column) => column.name));
    expect(flowCsvHeader().startsWith('flow_id,ip_version,protocol,src,src_port,dst,dst_port,first_seen')).toBe(true);
  });

  it('should write one field per column, in header order, from the record', () => {
    const record = oneRecord();
    const fields = flowToCsvRow(record).split(',');
    expect(fields).toHaveLength(FLOW_COLUMNS.length);
    expect(fields.slice(0, 10)).toEqual([
      '1',
      '6',
      '6',
      '2001:db8::7',
      '5',
      '2001:db8::8',
      '6',
      '1.25',
      '1.5',
      'end-of-input',
    ]);
    const byName = new Map(FLOW_COLUMNS.map((column, i) => [column.name, fields[i]]));
    expect(byName.get('duration')).toBe('0.25');
    expect(byName.get('packets')).toBe('2');
    expect(byName.get('bytes_per_second')).toBe(String(record.bytes / 0.25));
  });

  it('should quote fields holding commas, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('lf\nonly')).toBe('"lf\nonly"');
    expect(csvField('')).toBe('');
  });

  it('should write numbers in round-trip form and non-finite numbers as empty fields', () => {
    expect(csvField(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(Number(csvField(1_700_000_000.123456))).toBe(1_700_000_000.123456);
    expect(csvField(-1)).toBe('-1');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(Infinity)).toBe('');
  });
});

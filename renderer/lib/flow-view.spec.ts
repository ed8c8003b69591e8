import { describe, expect, it } from 'vitest';
import type { FlowRow } from '../../preload/api';
import { filterFlows, sortFlows } from './flow-view';

const row = (id: number, overrides: Partial<FlowRow>): FlowRow => ({
  id,
  protocol: 'TCP',
  src: '10.77.0.5',
  srcPort: 40000 + id,
  dst: '10.77.0.2',
  dstPort: 443,
  firstSeen: 1_700_000_000 + id,
  lastSeen: 1_700_000_010 + id,
  packets: 10 * id,
  bytes: 1000 * id,
  fwdPackets: 5 * id,
  bwdPackets: 5 * id,
  fwdBytes: 500 * id,
  bwdBytes: 500 * id,
  closeReason: 'fin',
  ...overrides,
});

const ROWS = [
  row(1, {}),
  row(2, { protocol: 'UDP', dst: '10.77.0.53', dstPort: 53, closeReason: 'idle' }),
  row(3, { src: 'fd77::5', dst: 'fd77::2', dstPort: 22 }),
];

describe('filterFlows', () => {
  it('should keep every row for an empty filter', () => {
    expect(filterFlows(ROWS, '  ')).toBe(ROWS);
  });

  it('should match a port in either direction and a named field', () => {
    expect(filterFlows(ROWS, '53').map((item) => item.id)).toEqual([2]);
    expect(filterFlows(ROWS, 'port:40001').map((item) => item.id)).toEqual([1]);
    expect(filterFlows(ROWS, 'proto:udp').map((item) => item.id)).toEqual([2]);
  });

  it('should match part of an address, IPv6 included, and need every word', () => {
    expect(filterFlows(ROWS, '10.77.0').map((item) => item.id)).toEqual([1, 2]);
    expect(filterFlows(ROWS, 'fd77::5').map((item) => item.id)).toEqual([3]);
    expect(filterFlows(ROWS, '10.77.0 idle').map((item) => item.id)).toEqual([2]);
    expect(filterFlows(ROWS, 'host:10.77.0.2').map((item) => item.id)).toEqual([1]);
  });
});

describe('sortFlows', () => {
  it('should sort numbers numerically and text alphabetically, both ways', () => {
    expect(sortFlows(ROWS, 'bytes', 'descending').map((item) => item.id)).toEqual([3, 2, 1]);
    expect(sortFlows(ROWS, 'dstPort', 'ascending').map((item) => item.id)).toEqual([3, 2, 1]);
    expect(sortFlows(ROWS, 'protocol', 'ascending').map((item) => item.id)).toEqual([1, 3, 2]);
  });

  it('should not change the rows it was given', () => {
    const before = ROWS.map((item) => item.id);
    sortFlows(ROWS, 'bytes', 'ascending');
    expect(ROWS.map((item) => item.id)).toEqual(before);
  });
});

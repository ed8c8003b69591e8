/** Sorting and filtering of flow rows for the flows table, kept out of the component so it is tested alone. */
import type { FlowRow } from '../../preload/api';

export type FlowColumn = keyof Pick<
  FlowRow,
  'protocol' | 'src' | 'srcPort' | 'dst' | 'dstPort' | 'firstSeen' | 'packets' | 'bytes' | 'closeReason'
>;
export type SortDirection = 'ascending' | 'descending';

/**
 * Keeps the rows matching every word of `filter`: a word matches an address, a port, a protocol or
 * a close reason; `port:53` or `proto:udp` narrow it to one field.
 */
export function filterFlows(rows: readonly FlowRow[], filter: string): readonly FlowRow[] {
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => words.every((word) => matches(row, word)));
}

function matches(row: FlowRow, word: string): boolean {
  // `port:53` names a field; IPv6 addresses (with '::' or several colons) do not.
  const colon = word.indexOf(':');
  const named = colon > 0 && word.indexOf(':', colon + 1) === -1;
  const field = named ? word.slice(0, colon) : '';
  const value = named ? word.slice(colon + 1) : word;
  if (value === '') return true;
  switch (field) {
    case 'port':
      return String(row.srcPort) === value || String(row.dstPort) === value;
    case 'proto':
      return row.protocol.toLowerCase() === value;
    case 'host':
      return row.src === value || row.dst === value;
    default:
      return (
        row.src.includes(value) ||
        row.dst.includes(value) ||
        String(row.srcPort) === value ||
        String(row.dstPort) === value ||
        row.protocol.toLowerCase() === value ||
        row.closeReason === value
      );
  }
}

export function sortFlows(rows: readonly FlowRow[], column: FlowColumn, direction: SortDirection): FlowRow[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = a[column];
    const y = b[column];
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order === 0 ? a.id - b.id : sign * order;
  });
}

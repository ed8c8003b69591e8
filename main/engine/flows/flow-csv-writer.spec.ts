import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Packet } from '../decode/packet';
import { flowCsvHeader, flowToCsvRow } from './flow-csv';
import { FlowCsvWriter } from './flow-csv-writer';
import type { FlowRecord } from './flow-record';
import { FlowTable } from './flow-table';
import { fillPacket } from './test-packets';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-flows-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function records(count: number): FlowRecord[] {
  const out: FlowRecord[] = [];
  const table = new FlowTable({ onFlow: (record) => out.push(record) });
  const packet = new Packet();
  for (let i = 0; i < count; i++) table.add(fillPacket(packet, { t: i, src: '10.0.0.1', dst: '10.0.0.2', srcPort: i }));
  table.flush();
  return out;
}

describe('FlowCsvWriter', () => {
  it('should write the header and one CRLF-terminated line per record', async () => {
    const path = join(dir, 'flows.csv');
    const writer = await FlowCsvWriter.open(path);
    const all = records(3000);
    for (const record of all) {
      if (!writer.write(record)) await writer.drained();
    }
    await writer.close();
    const text = await readFile(path, 'utf8');
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(3002); // header, 3000 rows, '' after the last CRLF
    expect(lines[0]).toBe(flowCsvHeader());
    expect(lines.slice(1, 3001)).toEqual(all.map(flowToCsvRow));
    expect(lines.at(-1)).toBe('');
  });

  it('should signal backpressure and resolve drained() once the stream has room', async () => {
    const writer = await FlowCsvWriter.open(join(dir, 'big.csv'));
    const all = records(2000);
    let refused = 0;
    for (const record of all) {
      if (!writer.write(record)) {
        refused++;
        expect(writer.needsDrain).toBe(true);
        await writer.drained();
        expect(writer.needsDrain).toBe(false);
      }
    }
    expect(refused).toBeGreaterThan(0);
    await writer.close();
  });

  it('should serve as a FlowTable onFlow handler', async () => {
    const path = join(dir, 'table.csv');
    const writer = await FlowCsvWriter.open(path);
    const table = new FlowTable({ onFlow: writer.onFlow });
    table.add(fillPacket(new Packet(), { t: 0, src: '10.0.0.1', dst: '10.0.0.2' }));
    table.flush();
    await writer.close();
    expect((await readFile(path, 'utf8')).split('\r\n')).toHaveLength(3);
  });

  it('should reject opening a file in a missing folder', async () => {
    await expect(FlowCsvWriter.open(join(dir, 'missing', 'flows.csv'))).rejects.toThrow(/ENOENT/);
  });

  it('should refuse writes after close, and close twice without harm', async () => {
    const writer = await FlowCsvWriter.open(join(dir, 'closed.csv'));
    await writer.close();
    await writer.close();
    const [record] = records(1);
    if (record === undefined) throw new Error('no record');
    expect(() => writer.write(record)).toThrow('closed');
  });
});

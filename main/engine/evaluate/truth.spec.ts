import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTruth, truthPathFor } from './truth';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-truth-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('truth files', () => {
  it('should read what the lab writes', async () => {
    const path = join(dir, 'scan.truth.json');
    await writeFile(
      path,
      JSON.stringify({
        scenario: 'nmap_syn',
        benign: false,
        attacks: [
          {
            kind: 'port_scan',
            tool: 'nmap',
            command: 'timeout -k 5 60 nmap -sS 10.77.0.10',
            attackers: ['10.77.0.66'],
            victim: '10.77.0.10',
            start: 1_700_000_000.5,
            end: 1_700_000_012.25,
            namespace: 'ww-atk',
          },
        ],
        capture: { start: 1_700_000_000, end: 1_700_000_030 },
        seed: 7,
        hosts: { network: '10.77.0.0/24' },
      }),
    );
    await expect(readTruth(path)).resolves.toMatchObject({ scenario: 'nmap_syn', attacks: [{ kind: 'port_scan' }] });
  });

  it('should name the field that is wrong', async () => {
    const path = join(dir, 'bad.truth.json');
    await writeFile(
      path,
      JSON.stringify({ scenario: 'x', benign: false, attacks: [{ kind: 'teleport' }], capture: {} }),
    );
    await expect(readTruth(path)).rejects.toThrow(/bad\.truth\.json is not a truth file: attacks\.0\.kind: /);
    await writeFile(path, '{');
    await expect(readTruth(path)).rejects.toThrow(/cannot be read as JSON/);
  });

  it('should find the truth beside a capture', () => {
    expect(truthPathFor('/lab/out/nmap_syn.pcap')).toBe('/lab/out/nmap_syn.truth.json');
    expect(truthPathFor('/lab/out/x.pcapng.gz')).toBe('/lab/out/x.truth.json');
  });
});

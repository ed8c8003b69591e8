import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../preload/api/alerts';
import { openCapture } from '../engine/sources/open-capture';
import { EvidenceService } from './evidence-service';

const DEMO = resolve(import.meta.dirname, '..', '..', 'resources', 'demo', 'demo.pcap');

// The demo's ssh brute force, as `wirewatch analyze resources/demo/demo.pcap --json` reports it.
const bruteForce: Alert = {
  id: '1e8705383186851672fd92c2',
  kind: 'brute_force',
  severity: 'high',
  src: '10.77.0.66',
  dst: '10.77.0.10',
  first_seen: 1795268663.857005,
  last_seen: 1795268684.417543,
  score: 0.5,
  detector: 'rule:brute_force',
  summary: '10.77.0.66 made 10 short ssh sessions to 10.77.0.10:22 within 120 s (threshold 10).',
  evidence: { attempts: 10, service: 'ssh', port: 22, windowSeconds: 120, maxSessionSeconds: 30 },
  source: { type: 'file', path: DEMO },
};

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-evidence-service-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('evidence service', () => {
  it('should save into the default folder and hand back only files it wrote', async () => {
    const service = new EvidenceService(join(dir, 'evidence'));
    const saved = await service.save(bruteForce, null);
    expect(saved.path).toBe(join(dir, 'evidence', `wirewatch-brute_force-${bruteForce.id}.pcap`));
    expect(saved.displayFilter).toContain('tcp.port == 22');
    const read = await service.read(saved.path);
    expect(Buffer.from(read.base64, 'base64')).toEqual(await readFile(saved.path));
    // Nanosecond pcap (magic 0xa1b23c4d): the capture's timestamps survive whatever their resolution.
    expect((await openCapture(saved.path)).format).toBe('pcap-ns');
    await expect(service.read(DEMO)).rejects.toThrow(/not an evidence file/);
    await expect(service.openInWireshark(DEMO)).rejects.toThrow(/not an evidence file/);
  });

  it('should save into a chosen folder and refuse a relative one', async () => {
    const service = new EvidenceService(join(dir, 'evidence'));
    const saved = await service.save(bruteForce, join(dir, 'chosen'));
    expect(saved.path.startsWith(join(dir, 'chosen'))).toBe(true);
    await expect(service.save(bruteForce, 'relative/folder')).rejects.toThrow(/absolute/);
  });

  it('should say when a live alert has no packet ring, and use one once registered', async () => {
    const service = new EvidenceService(dir);
    const live: Alert = { ...bruteForce, source: { type: 'live', interface: 'veth-lab' } };
    await expect(service.save(live, null)).rejects.toThrow(/no-evidence-source/);
    const file = await openCapture(DEMO);
    const unregister = service.registerLiveSource('veth-lab', {
      description: 'ring on veth-lab',
      frames: () => file.batches(),
    });
    const saved = await service.save(live, null);
    expect(saved.packets).toBeGreaterThan(50);
    unregister();
    await expect(service.save(live, null)).rejects.toThrow(/no-evidence-source/);
  });

  it('should report a capture that is gone with a clear error', async () => {
    const service = new EvidenceService(dir);
    const gone: Alert = { ...bruteForce, source: { type: 'file', path: join(dir, 'deleted.pcap') } };
    await expect(service.save(gone, null)).rejects.toThrow(/cannot be read again/);
  });
});

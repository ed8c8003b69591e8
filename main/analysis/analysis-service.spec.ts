// Real analyses in real worker threads (the worker is built from source with esbuild first).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../preload/api';
import type { PayloadOf } from '../../preload/api/contract';
import { ETHERNET_IPV4, IPV4_UDP_DNS, UDP_DNS_QUERY } from '../engine/decode/fixtures';
import { hex } from '../engine/decode/hex';
import { writePcap } from '../engine/sources/write-pcap';
import { EventHub } from '../ipc/events';
import { analysisWorkerBundle, removeAnalysisWorkerBundle } from '../testing/analysis-worker-bundle';
import { AlertOutbox } from '../alerts/alert-outbox';
import { AlertPublisher } from '../alerts/alert-publisher';
import { AnalysisService } from './analysis-service';

type Finished = PayloadOf<Events['analysis:finished']>;
type Failed = PayloadOf<Events['analysis:failed']>;

let dir: string;
let workerPath: string;
let capturePath: string;
const PACKETS = 30_000;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-service-'));
  workerPath = await analysisWorkerBundle();
  const frames = Array.from({ length: PACKETS }, (_item, index) => ({
    seconds: 1_700_000_000 + Math.floor(index / 1000),
    nanos: (index % 1000) * 1_000_000,
    // Each packet its own flow: a source port per packet.
    bytes: hex(
      ETHERNET_IPV4 + IPV4_UDP_DNS + ((index % 60000) + 1024).toString(16).padStart(4, '0') + UDP_DNS_QUERY.slice(4),
    ),
  }));
  capturePath = join(dir, 'dns.pcap');
  await writeFile(capturePath, writePcap(frames));
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await removeAnalysisWorkerBundle();
});

/** Collects the events of one analysis until it finishes or fails. */
function outcome(
  events: EventHub,
  id: () => string,
): Promise<{ finished?: Finished; failed?: Failed; progress: number }> {
  return new Promise((resolve) => {
    let progress = 0;
    const detach = events.attach((channel, payload) => {
      if (channel === 'analysis:progress' && (payload as { id: string }).id === id()) progress += 1;
      if (channel === 'analysis:finished' && (payload as Finished).id === id()) {
        detach();
        resolve({ finished: payload as Finished, progress });
      }
      if (channel === 'analysis:failed' && (payload as Failed).id === id()) {
        detach();
        resolve({ failed: payload as Failed, progress });
      }
    });
  });
}

describe('AnalysisService', () => {
  it('should analyse a file in a worker thread and keep its flows for paging', async () => {
    const events = new EventHub();
    const service = new AnalysisService(events, workerPath, new AlertPublisher(events, new AlertOutbox()));
    let id = '';
    const done = outcome(events, () => id);
    ({ id } = await service.start(capturePath));
    const result = await done;
    expect(result.failed).toBeUndefined();
    expect(result.finished?.summary).toMatchObject({ packets: PACKETS, problem: null, cancelled: false });
    expect(result.progress).toBeGreaterThanOrEqual(1);
    const page = service.flows(id, 0, 100);
    expect(page.total).toBe(result.finished?.summary.flows.total);
    expect(page.rows).toHaveLength(100);
    expect(page.rows[0]).toMatchObject({ protocol: 'UDP', dst: '8.8.8.8', dstPort: 53 });
  });

  it('should refuse a file that is not a capture before starting a worker', async () => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'not a capture');
    const service = new AnalysisService(
      new EventHub(),
      workerPath,
      new AlertPublisher(new EventHub(), new AlertOutbox()),
    );
    await expect(service.start(path)).rejects.toMatchObject({ code: 'not-a-capture' });
  });

  it('should report a crashed worker as a failed analysis and keep serving', async () => {
    const crashing = join(dir, 'crashing-worker.cjs');
    await writeFile(crashing, "throw new Error('decoder exploded');\n");
    const events = new EventHub();
    const broken = new AnalysisService(events, crashing, new AlertPublisher(events, new AlertOutbox()));
    let id = '';
    const done = outcome(events, () => id);
    ({ id } = await broken.start(capturePath));
    const failed = (await done).failed;
    expect(failed?.code).toBe('worker-crashed');
    expect(failed?.message).toMatch(/the analysis worker crashed: .*decoder exploded/);

    // The next analysis, with a sound worker, runs as usual.
    const healthy = new AnalysisService(events, workerPath, new AlertPublisher(events, new AlertOutbox()));
    let next = '';
    const after = outcome(events, () => next);
    ({ id: next } = await healthy.start(capturePath));
    expect((await after).finished?.summary.packets).toBe(PACKETS);
  });

  it('should cancel a queued analysis without starting it', async () => {
    const events = new EventHub();
    const service = new AnalysisService(events, workerPath, new AlertPublisher(events, new AlertOutbox()));
    const ids: string[] = [];
    const failed: Failed[] = [];
    events.attach((channel, payload) => {
      if (channel === 'analysis:failed') failed.push(payload as Failed);
    });
    for (let i = 0; i < 3; i++) ids.push((await service.start(capturePath)).id);
    // Two run at once; the third waits, and can be dropped.
    expect(service.cancel(ids[2] ?? '')).toBe(true);
    expect(failed).toEqual([{ id: ids[2], code: 'cancelled', message: 'cancelled before it started' }]);
    await service.stopAll();
  });

  it('should say when no flows are kept for an id', () => {
    const service = new AnalysisService(
      new EventHub(),
      workerPath,
      new AlertPublisher(new EventHub(), new AlertOutbox()),
    );
    expect(() => service.flows('unknown', 0, 10)).toThrow(/no flows are kept/);
  });
});

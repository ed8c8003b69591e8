/**
 * Faults: the analysis worker dies in the middle of a real analysis (its thread exits abruptly, as
 * an out-of-memory kill or a native crash would end it). The analysis is reported failed with the
 * reason, every alert published before the death stays in the outbox, earlier alerts are untouched,
 * and the same service goes on analysing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Events } from '../../preload/api';
import type { PayloadOf } from '../../preload/api/contract';
import { AlertOutbox } from '../alerts/alert-outbox';
import { AlertPublisher } from '../alerts/alert-publisher';
import type { CaptureFrame } from '../engine/sources/synthetic-frames';
import { writePcap } from '../engine/sources/write-pcap';
import { EventHub } from '../ipc/events';
import { analysisWorkerBundle, removeAnalysisWorkerBundle } from '../testing/analysis-worker-bundle';
import { AnalysisService } from './analysis-service';

type Finished = PayloadOf<Events['analysis:finished']>;
type Failed = PayloadOf<Events['analysis:failed']>;

const DEMO = resolve(import.meta.dirname, '..', '..', 'resources', 'demo', 'demo.pcap');
/** The demo's traffic this many times, an hour apart: each copy raises its alerts anew. */
const COPIES = 12;

let dir = '';
let workerPath = '';
let killSwitch = '';
let longCapture = '';

/** The records of a little-endian microsecond pcap (the demo's format), as frames. */
function readDemoFrames(): CaptureFrame[] {
  const bytes = readFileSync(DEMO);
  expect(bytes.readUInt32LE(0)).toBe(0xa1b2c3d4);
  const frames: CaptureFrame[] = [];
  for (let pos = 24; pos + 16 <= bytes.length;) {
    const caplen = bytes.readUInt32LE(pos + 8);
    frames.push({
      seconds: bytes.readUInt32LE(pos),
      nanos: bytes.readUInt32LE(pos + 4) * 1000,
      wirelen: bytes.readUInt32LE(pos + 12),
      bytes: new Uint8Array(bytes.subarray(pos + 16, pos + 16 + caplen)),
    });
    pos += 16 + caplen;
  }
  return frames;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-faults-'));
  const realWorker = await analysisWorkerBundle();
  killSwitch = join(dir, 'kill-next-worker');
  // The real worker, wrapped: when the kill switch exists, its thread exits abruptly right after
  // sending its first alerts, mid-file. Otherwise it runs untouched.
  workerPath = join(dir, 'worker-with-kill-switch.cjs');
  await writeFile(
    workerPath,
    `const { existsSync, rmSync } = require('node:fs');
const { parentPort } = require('node:worker_threads');
if (existsSync(${JSON.stringify(killSwitch)})) {
  rmSync(${JSON.stringify(killSwitch)});
  const post = parentPort.postMessage.bind(parentPort);
  parentPort.postMessage = (message) => {
    post(message);
    if (message.type === 'alerts') process.exit(137);
  };
}
require(${JSON.stringify(realWorker)});
`,
  );
  const demo = readDemoFrames();
  const frames = Array.from({ length: COPIES }, (_copy, index) =>
    demo.map((frame) => ({ ...frame, seconds: frame.seconds + index * 3600 })),
  ).flat();
  longCapture = join(dir, 'demo-x12.pcap');
  await writeFile(longCapture, writePcap(frames));
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await removeAnalysisWorkerBundle();
});

function outcomeOf(events: EventHub, id: () => string): Promise<{ finished?: Finished; failed?: Failed }> {
  return new Promise((resolve) => {
    const detach = events.attach((channel, payload) => {
      if (channel === 'analysis:finished' && (payload as Finished).id === id()) {
        detach();
        resolve({ finished: payload as Finished });
      }
      if (channel === 'analysis:failed' && (payload as Failed).id === id()) {
        detach();
        resolve({ failed: payload as Failed });
      }
    });
  });
}

async function analyse(service: AnalysisService, events: EventHub, path: string) {
  let id = '';
  const done = outcomeOf(events, () => id);
  ({ id } = await service.start(path));
  return done;
}

describe('the analysis worker dying mid-run', () => {
  it(
    'should report the analysis failed, keep every alert already raised, and keep analysing',
    { timeout: 120_000 },
    async () => {
      const events = new EventHub();
      const outbox = new AlertOutbox();
      const service = new AnalysisService(events, workerPath, new AlertPublisher(events, outbox));

      // An analysis that completes: its alerts wait in the outbox for the window to store them.
      const first = await analyse(service, events, DEMO);
      expect(first.finished?.summary.problem).toBeNull();
      const before = outbox.pending().map((alert) => alert.id);
      expect(before.length).toBeGreaterThanOrEqual(3);

      // The next one loses its worker right after its first alerts.
      const published: string[] = [];
      events.attach((channel, payload) => {
        if (channel === 'alerts:new') published.push(...(payload as { id: string }[]).map((alert) => alert.id));
      });
      await writeFile(killSwitch, '');
      const killed = await analyse(service, events, longCapture);
      expect(existsSync(killSwitch)).toBe(false);
      expect(killed.finished).toBeUndefined();
      expect(killed.failed).toMatchObject({
        code: 'worker-crashed',
        message: 'the analysis worker stopped unexpectedly (exit code 137)',
      });
      // It died mid-file: some alerts got out first, nowhere near the twelve copies' worth.
      const raised = outbox.pending().map((alert) => alert.id);
      expect(raised).toEqual(expect.arrayContaining(before));
      const fromKilled = raised.filter((id) => !before.includes(id));
      expect(fromKilled.length).toBeGreaterThan(0);
      expect(fromKilled.length).toBeLessThan(COPIES * before.length);
      // …and the windows were sent them as they were raised, before the worker died.
      expect(published).toEqual(expect.arrayContaining(fromKilled));

      // The same service, its worker slots freed, analyses the whole file afterwards — twice at once.
      const [again, alongside] = await Promise.all([
        analyse(service, events, longCapture),
        analyse(service, events, DEMO),
      ]);
      expect(again.failed).toBeUndefined();
      expect(again.finished?.summary.packets).toBeGreaterThan(first.finished?.summary.packets ?? 0);
      expect(alongside.finished?.summary.problem).toBeNull();
      expect(outbox.pending().map((alert) => alert.id)).toEqual(expect.arrayContaining(raised));
    },
  );
});

// @vitest-environment node
// The tracker against the real main-side handlers (in-process transport, real analyses in a real
// worker thread) and a real Dexie database over fake-indexeddb. A tiny capture can finish before the
// renderer has the reply to analysis:start; whatever the interleaving, the record must end 'done'.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../main/app/context';
import { ETHERNET_IPV4, ICMP_ECHO_REQUEST, IPV4_ICMP } from '../../main/engine/decode/fixtures';
import { hex } from '../../main/engine/decode/hex';
import { writePcap } from '../../main/engine/sources/write-pcap';
import { inProcessApi } from '../../main/ipc/in-process';
import { createHandlerTable } from '../../main/ipc/table';
import { analysisWorkerBundle, removeAnalysisWorkerBundle } from '../../main/testing/analysis-worker-bundle';
import { createTestApp } from '../../main/testing/test-app';
import type { WirewatchApi } from '../../preload/api';
import { WirewatchDatabase } from '../db/database';
import { AnalysisTracker } from './analysis-tracker.svelte';

let dir: string;
let app: AppContext;
let capture: string;

beforeAll(async () => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-tracker-'));
  app = createTestApp(dir, await analysisWorkerBundle());
  capture = join(dir, 'ping.pcap');
  const frame = hex(ETHERNET_IPV4 + IPV4_ICMP + ICMP_ECHO_REQUEST);
  await writeFile(
    capture,
    writePcap(
      Array.from({ length: 5 }, (_item, index) => ({ seconds: 1_700_000_000 + index, nanos: 0, bytes: frame })),
    ),
  );
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await removeAnalysisWorkerBundle();
});

/** The waits between the outcome event and the start reply that the tests try. */
const AFTER_OUTCOME: Record<string, () => Promise<void>> = {
  'in the same task': () => Promise.resolve(),
  'a macrotask later': () => new Promise((resolve) => setTimeout(resolve, 0)),
  'a few milliseconds later': () => new Promise((resolve) => setTimeout(resolve, 5)),
};

/**
 * The real API, except that the reply to analysis:start is held until the analysis has finished
 * (and `wait` has passed): the order a busy machine produces when the file is tiny.
 */
function slowStartReply(api: WirewatchApi, wait: () => Promise<void>): WirewatchApi {
  let finished: () => void = () => undefined;
  const outcome = new Promise<void>((resolve) => (finished = resolve));
  api.on('analysis:finished', () => finished());
  return {
    on: (channel, listener) => api.on(channel, listener),
    invoke: async (channel, ...args) => {
      const result = await api.invoke(channel, ...args);
      if (channel === 'analysis:start') {
        await outcome;
        await wait();
      }
      return result;
    },
  };
}

describe('analysis tracker', () => {
  for (const [when, wait] of Object.entries(AFTER_OUTCOME)) {
    it(`should record a finished analysis whose start reply comes ${when}`, async () => {
      const db = new WirewatchDatabase(`tracker-${when}`);
      const errors: unknown[] = [];
      const tracker = new AnalysisTracker(
        slowStartReply(inProcessApi(createHandlerTable(app), app.events), wait),
        db,
        (_title, error) => errors.push(error),
      );
      const stop = tracker.listen();
      const id = await tracker.start(capture);
      await vi.waitFor(async () => expect((await db.analyses.get(id))?.status).toBe('done'), { timeout: 10_000 });
      const record = await db.analyses.get(id);
      expect(record?.summary?.packets).toBe(5);
      expect(record?.finished_at).not.toBeNull();
      await vi.waitFor(async () => expect(await db.flows.where('analysisId').equals(id).count()).toBe(1));
      expect(errors).toEqual([]);
      stop();
      db.close();
    });
  }
});

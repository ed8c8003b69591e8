// The intake against the real main-side handlers (in-process transport) and a real Dexie database
// over fake-indexeddb: alerts reach the store, and main forgets them only once stored.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppContext } from '../../main/app/context';
import { inProcessApi } from '../../main/ipc/in-process';
import { createHandlerTable } from '../../main/ipc/table';
import { createTestApp } from '../../main/testing/test-app';
import type { Alert, WirewatchApi } from '../../preload/api';
import { WirewatchDatabase } from '../db/database';
import { startAlertIntake, storeAlerts } from './alert-intake';
import { AlertStoreFullError } from './store-errors';

const alert = (id: string, last_seen = 1700000010): Alert => ({
  id,
  kind: 'syn_flood',
  severity: 'high',
  src: null,
  dst: '10.77.0.2',
  first_seen: 1700000000,
  last_seen,
  score: 0.97,
  detector: 'rule:syn_flood',
  summary: '52,000 half-open connections to 10.77.0.2:80 in 10 s from 40,000 sources',
  evidence: { half_open: 52000 },
  source: { type: 'live', interface: 'veth0' },
});

let dir: string;
let app: AppContext;
let api: WirewatchApi;
let db: WirewatchDatabase;

beforeEach(async () => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-intake-'));
  app = createTestApp(dir);
  api = inProcessApi(createHandlerTable(app), app.events);
  db = new WirewatchDatabase('intake');
});

afterEach(async () => {
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('alert intake', () => {
  it('should store alerts main held before the window loaded, then release them', async () => {
    app.outbox.add([alert('a'), alert('b')]);
    const stop = startAlertIntake(api, db, (error) => {
      throw error;
    });
    await vi.waitFor(async () => expect(await db.alerts.count()).toBe(2));
    await vi.waitFor(() => expect(app.outbox.size).toBe(0));
    stop();
  });

  it('should store alerts pushed while running', async () => {
    const stop = startAlertIntake(api, db, (error) => {
      throw error;
    });
    app.outbox.add([alert('c')]);
    app.events.emit('alerts:new', [alert('c')]);
    await vi.waitFor(async () => expect(await db.alerts.get('c')).toMatchObject({ status: 'new', kind: 'syn_flood' }));
    await vi.waitFor(() => expect(app.outbox.size).toBe(0));
    stop();
  });

  it('should keep alerts in main when storing fails', async () => {
    db.close();
    const errors: unknown[] = [];
    app.outbox.add([alert('d')]);
    startAlertIntake(api, db, (error) => errors.push(error));
    await vi.waitFor(() => expect(errors.length).toBeGreaterThanOrEqual(1));
    expect(app.outbox.size).toBe(1);
  });

  it('should say clearly when storage is full, keep what is stored, and leave new alerts in main', async () => {
    await storeAlerts(db, [alert('stored')]);
    // A DBCore middleware that refuses writes the way Chromium does when the origin's quota is used
    // up: with a real DOMException named QuotaExceededError.
    const full = new WirewatchDatabase('intake');
    full.use({
      stack: 'dbcore',
      name: 'quota-reached',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (request) =>
              request.type === 'put' && name === 'alerts'
                ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))
                : table.mutate(request),
          };
        },
      }),
    });
    const errors: unknown[] = [];
    app.outbox.add([alert('f'), alert('g')]);
    const stop = startAlertIntake(api, full, (error) => errors.push(error));
    await vi.waitFor(() => expect(errors.some((error) => error instanceof AlertStoreFullError)).toBe(true));
    const error = errors.find((candidate) => candidate instanceof AlertStoreFullError);
    expect(String(error)).toMatch(/storage for Wirewatch is full, so 2 new alerts could not be stored/);
    expect(app.outbox.size).toBe(2);
    await expect(db.alerts.get('stored')).resolves.toMatchObject({ id: 'stored' });
    expect(await db.alerts.count()).toBe(1);
    stop();
    full.close();
  });

  it('should coalesce a burst of batches and store the latest version of each alert', async () => {
    const stop = startAlertIntake(api, db, (error) => {
      throw error;
    });
    for (let i = 0; i < 50; i++) {
      const batch = [alert(`burst-${i % 10}`, 1700000010 + i)];
      app.outbox.add(batch);
      app.events.emit('alerts:new', batch);
    }
    await vi.waitFor(() => expect(app.outbox.size).toBe(0));
    expect(await db.alerts.count()).toBe(10);
    await expect(db.alerts.get('burst-9')).resolves.toMatchObject({ last_seen: 1700000059 });
    stop();
  });

  it('should store alerts a suppression covers as hidden, and show them when it goes', async () => {
    await app.suppressions.put({
      id: 'quiet-floods',
      kind: 'syn_flood',
      src: null,
      dst: '10.77.0.0/24',
      port: null,
      detector: null,
      note: '',
      created_at: 1,
      enabled: true,
    });
    app.outbox.add([alert('h')]);
    const stop = startAlertIntake(api, db, (error) => {
      throw error;
    });
    await vi.waitFor(async () => expect(await db.alerts.get('h')).toMatchObject({ suppressed: 1 }));
    await api.invoke('alerts:suppression-remove', 'quiet-floods');
    await vi.waitFor(async () => expect(await db.alerts.get('h')).toMatchObject({ suppressed: 0 }));
    stop();
  });

  it('should keep what the person did when an alert arrives again', async () => {
    await storeAlerts(db, [alert('e')], 1);
    await db.alerts.update('e', { status: 'acknowledged' });
    await storeAlerts(db, [alert('e', 1700000020)], 2);
    await expect(db.alerts.get('e')).resolves.toMatchObject({
      status: 'acknowledged',
      received_at: 1,
      last_seen: 1700000020,
    });
  });
});

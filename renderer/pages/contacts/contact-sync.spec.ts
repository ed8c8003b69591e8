import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WirewatchApi } from '../../../preload/api';
import type { AppContext } from '../../../main/app/context';
import { inProcessApi } from '../../../main/ipc/in-process';
import { createHandlerTable } from '../../../main/ipc/table';
import { createTestApp } from '../../../main/testing/test-app';
import { sampleContact } from '../../../main/notify/testing/sample-contact';
import { WirewatchDatabase } from '../../db/database';
import { adoptMainContacts, syncContacts } from './contact-sync';

let dir: string;
let app: AppContext;
let api: WirewatchApi;
let db: WirewatchDatabase;
let name = 0;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-contact-sync-'));
  app = createTestApp(dir);
  api = inProcessApi(createHandlerTable(app), app.events);
  db = new WirewatchDatabase(`contacts-${++name}`);
});
afterEach(async () => {
  app.notify.stop();
  db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('contact sync', () => {
  it('should mirror the window contacts to main', async () => {
    await db.contacts.bulkPut([sampleContact({ id: 'a', name: 'A' }), sampleContact({ id: 'b', name: 'B' })]);
    await expect(syncContacts(db, api)).resolves.toBe(2);
    expect((await app.contacts.list()).map((contact) => contact.name)).toEqual(['A', 'B']);
  });

  it('should let an empty window adopt main copy instead of erasing it', async () => {
    await app.contacts.replace([sampleContact({ id: 'kept', name: 'Kept' })]);
    await expect(adoptMainContacts(db, api)).resolves.toBe(1);
    expect((await db.contacts.toArray()).map((contact) => contact.name)).toEqual(['Kept']);
    // A window with contacts of its own keeps them.
    await app.contacts.replace([]);
    await expect(adoptMainContacts(db, api)).resolves.toBe(0);
    expect(await db.contacts.count()).toBe(1);
  });
});

/**
 * Alerts waiting for a contact's next digest (deferred by severity, quiet hours, the hourly limit
 * or a pause), kept in `digest.json` so a restart does not lose them.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import type { Alert } from '../../preload/api/alerts';
import { JsonFile } from '../store/json-file';

/** The file is ours, written from Alert objects: the check is of its skeleton. */
const StoredDigest = v.record(
  v.string(),
  v.array(
    v.custom<Alert>((value) => v.is(v.looseObject({ id: v.string(), kind: v.string(), severity: v.string() }), value)),
  ),
);

export class DigestBuffer {
  readonly #file: JsonFile<typeof StoredDigest>;
  #waiting: Promise<Map<string, Alert[]>> | undefined;
  #snapshot = new Map<string, Alert[]>();
  #writes: Promise<void> = Promise.resolve();

  constructor(dataDir: string) {
    this.#file = new JsonFile(join(dataDir, 'digest.json'), StoredDigest);
  }

  async add(contactId: string, alert: Alert): Promise<void> {
    const waiting = await this.#load();
    const list = waiting.get(contactId) ?? [];
    // An incident that grew replaces its earlier copy: the digest carries the latest numbers.
    const at = list.findIndex((held) => held.id === alert.id);
    if (at === -1) list.push(alert);
    else list[at] = alert;
    waiting.set(contactId, list);
    await this.#persist();
  }

  /** Contacts with alerts waiting. */
  async contacts(): Promise<readonly string[]> {
    return [...(await this.#load()).keys()];
  }

  /** Removes and returns what waits for one contact. */
  async take(contactId: string): Promise<readonly Alert[]> {
    const waiting = await this.#load();
    const list = waiting.get(contactId) ?? [];
    waiting.delete(contactId);
    await this.#persist();
    return list;
  }

  #load(): Promise<Map<string, Alert[]>> {
    this.#waiting ??= this.#file.read({}).then((stored) => {
      this.#snapshot = new Map(Object.entries(stored));
      return this.#snapshot;
    });
    return this.#waiting;
  }

  #persist(): Promise<void> {
    const snapshot = Object.fromEntries(this.#snapshot);
    const write = this.#writes.then(() => this.#file.write(snapshot));
    this.#writes = write.catch((error: unknown) => console.error('[notify] digest.json was not written:', error));
    return write;
  }
}

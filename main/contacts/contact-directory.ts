/**
 * Main's copy of the contact list. The renderer owns contacts (Dexie) and mirrors them here so
 * notifications still reach people while the window is closed and the app sits in the tray.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import { ContactSchema, type Contact } from '../../preload/api/contacts';
import { JsonFile } from '../store/json-file';

const StoredContacts = v.array(ContactSchema);

export class ContactDirectory {
  readonly #file: JsonFile<typeof StoredContacts>;
  #contacts: readonly Contact[] | undefined;

  constructor(dataDir: string) {
    this.#file = new JsonFile(join(dataDir, 'contacts.json'), StoredContacts);
  }

  async list(): Promise<readonly Contact[]> {
    this.#contacts ??= await this.#file.read([]);
    return this.#contacts;
  }

  async replace(contacts: readonly Contact[]): Promise<void> {
    await this.#file.write([...contacts]);
    this.#contacts = contacts;
  }
}

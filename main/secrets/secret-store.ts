/**
 * Named secrets (the SMTP password, the SMS token, webhook signing secrets), encrypted one by one
 * with the shell's cipher and kept in `secrets.json`. Values are only ever handed to the channel
 * that uses them: nothing here logs them, and no contract reply carries them.
 */
import { join } from 'node:path';
import * as v from 'valibot';
import type { SecretKeeping } from '../../preload/api/notify';
import { JsonFile } from '../store/json-file';
import type { SecretCipher } from './secret-cipher';
import type { Secrets } from './secrets';

const StoredSecrets = v.record(v.string(), v.pipe(v.string(), v.base64()));

export class SecretStore implements Secrets {
  readonly #file: JsonFile<typeof StoredSecrets>;
  #sealed: Record<string, string> | undefined;

  constructor(
    dataDir: string,
    private readonly cipher: SecretCipher,
  ) {
    this.#file = new JsonFile(join(dataDir, 'secrets.json'), StoredSecrets);
  }

  get keeping(): SecretKeeping {
    return this.cipher.keeping;
  }

  async has(name: string): Promise<boolean> {
    return Object.hasOwn(await this.#all(), name);
  }

  /** The secret, or null when none is set. */
  async get(name: string): Promise<string | null> {
    const sealed = (await this.#all())[name];
    if (sealed === undefined) return null;
    try {
      return await this.cipher.decrypt(Buffer.from(sealed, 'base64'));
    } catch (error) {
      // Say which secret, never its bytes: a changed key or keychain makes old secrets unreadable.
      throw new Error(`the stored secret "${name}" cannot be decrypted (${(error as Error).message}); enter it again`, {
        cause: error,
      });
    }
  }

  /** Sets a secret, or removes it with null. */
  async set(name: string, value: string | null): Promise<void> {
    const current = await this.#all();
    const next = Object.fromEntries(Object.entries(current).filter(([key]) => key !== name));
    if (value !== null) next[name] = (await this.cipher.encrypt(value)).toString('base64');
    await this.#file.write(next);
    this.#sealed = next;
  }

  /** Names of the secrets that are set. */
  async names(): Promise<readonly string[]> {
    return Object.keys(await this.#all());
  }

  async #all(): Promise<Record<string, string>> {
    this.#sealed ??= await this.#file.read({});
    return this.#sealed;
  }
}

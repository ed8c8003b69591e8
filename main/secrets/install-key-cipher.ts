/**
 * AES-256-GCM with a random key made once per install and kept beside the data (mode 0600). It
 * keeps secrets out of plain text in files, backups and logs; it does not protect them from
 * someone who can read the data folder as this user — the Settings page says so.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretCipher } from './secret-cipher';

const KEY_BYTES = 32;
/** 96-bit nonces, as NIST SP 800-38D §8.2 recommends for GCM. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function installKeyCipher(keyPath: string): SecretCipher {
  let key: Promise<Buffer> | undefined;
  const loadKey = (): Promise<Buffer> => (key ??= readOrCreateKey(keyPath));
  return {
    keeping: 'install-key',
    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', await loadKey(), iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(sealed) {
      if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error('the stored secret is too short to be one');
      const decipher = createDecipheriv('aes-256-gcm', await loadKey(), sealed.subarray(0, IV_BYTES));
      decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

async function readOrCreateKey(path: string): Promise<Buffer> {
  try {
    const stored = await readFile(path);
    if (stored.length === KEY_BYTES) return stored;
    throw new Error(`${path} is not a ${KEY_BYTES}-byte key; secrets kept with it cannot be read`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const created = randomBytes(KEY_BYTES);
  await mkdir(dirname(path), { recursive: true });
  // 'wx' fails if another process made the key meanwhile; then read theirs.
  try {
    await writeFile(path, created, { mode: 0o600, flag: 'wx' });
    return created;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFile(path);
  }
}

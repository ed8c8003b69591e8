import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installKeyCipher } from './install-key-cipher';
import { SecretStore } from './secret-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wirewatch-secrets-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const store = (): SecretStore => new SecretStore(dir, installKeyCipher(join(dir, 'install.key')));

describe('SecretStore with the install key', () => {
  it('should keep a secret encrypted at rest and read it back in a later run', async () => {
    await store().set('smtp-password', 'correct horse battery staple');
    const file = await readFile(join(dir, 'secrets.json'), 'utf8');
    expect(file).not.toContain('correct horse');
    expect(file).not.toContain(Buffer.from('correct horse battery staple').toString('base64'));
    await expect(store().get('smtp-password')).resolves.toBe('correct horse battery staple');
    expect((await stat(join(dir, 'install.key'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
  });

  it('should encrypt the same secret differently each time (fresh nonce)', async () => {
    const secrets = store();
    await secrets.set('a', 'same');
    await secrets.set('b', 'same');
    const sealed = JSON.parse(await readFile(join(dir, 'secrets.json'), 'utf8')) as Record<string, string>;
    expect(sealed.a).not.toBe(sealed.b);
  });

  it('should remove a secret with null and say which are set', async () => {
    const secrets = store();
    await secrets.set('a', 'x');
    await secrets.set('b', 'y');
    await secrets.set('a', null);
    await expect(secrets.names()).resolves.toEqual(['b']);
    await expect(secrets.get('a')).resolves.toBeNull();
  });

  it('should name the secret it cannot decrypt once the key changed, without its bytes', async () => {
    await store().set('sms-token', 'token-value');
    await writeFile(join(dir, 'install.key'), Buffer.alloc(32, 7));
    await expect(store().get('sms-token')).rejects.toThrow(
      /the stored secret "sms-token" cannot be decrypted .*enter it again/,
    );
  });
});

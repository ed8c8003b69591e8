/**
 * How secrets are encrypted at rest. Under Electron the OS keychain does it (safeStorage, in
 * main/shell); the browser host and the CLI have no keychain and use a key made for this install.
 */
import type { SecretKeeping } from '../../preload/api/notify';

export interface SecretCipher {
  readonly keeping: SecretKeeping;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(sealed: Buffer): Promise<string>;
}

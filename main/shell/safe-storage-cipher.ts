/** Secrets encrypted by the OS keychain (Keychain, DPAPI, libsecret/kwallet) through Electron's safeStorage. */
import { safeStorage } from 'electron';
import type { SecretCipher } from '../secrets/secret-cipher';

export function safeStorageCipher(): SecretCipher {
  return {
    keeping: 'os-keychain',
    async encrypt(plain) {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) {
        throw new Error('the OS keychain is not available to encrypt the secret');
      }
      return safeStorage.encryptStringAsync(plain);
    },
    async decrypt(sealed) {
      return (await safeStorage.decryptStringAsync(sealed)).result;
    },
  };
}

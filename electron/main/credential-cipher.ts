// Owns sealing the hub credential with Electron's safeStorage (DPAPI on Windows, the keyring on Linux), so the
// file beside the database is useless on another account or machine. Where no keyring protects it, safeStorage
// would only obfuscate: then the core's mode-600 file is used as is, and the shell says so once.
import { safeStorage } from 'electron';
import { FileCredentialStore, type CredentialStore } from '../core/sync/credential-store';

export function credentialStoreFor(dataDir: string, demo: boolean): CredentialStore {
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (!safeStorage.isEncryptionAvailable() || backend === 'basic_text' || backend === 'unknown') {
    console.warn('[sync] no keyring protects the hub credential here; it is kept in a file only this account can read');
    return new FileCredentialStore(dataDir, demo);
  }
  return new FileCredentialStore(dataDir, demo, {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  });
}

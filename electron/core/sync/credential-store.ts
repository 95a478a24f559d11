// Owns where the desk keeps its hub credential: never in the database (a copy of it must not carry the key),
// never logged, never on a command line. The Electron shell protects it with safeStorage (electron/main); the
// browser host and the tests keep it in a file that only the desk's own user may read (mode 600).
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREDENTIAL_PATTERN } from '../../../shared/contract/sync';

export interface CredentialStore {
  /** The stored credential, or null when there is none (or it cannot be read back). */
  load(): string | null;
  save(credential: string): void;
  clear(): void;
}

/** Bytes in, bytes out: Electron's safeStorage, or nothing (a plain file under mode 600). */
export interface CredentialCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export const CREDENTIAL_FILE = 'hub-credential';

/**
 * The credential as a file beside the database, written to a temp name with mode 600 and renamed into place (a
 * crash never leaves half a key, and no moment exists when it is readable by others). With a cipher the file holds
 * the sealed bytes only.
 */
export class FileCredentialStore implements CredentialStore {
  private readonly file: string;

  /** `demo`: the demo database is another desk, with a credential of its own. */
  constructor(
    dataDir: string,
    demo: boolean,
    private readonly cipher: CredentialCipher | null = null,
  ) {
    this.file = join(dataDir, `${CREDENTIAL_FILE}${demo ? '-demo' : ''}${this.cipher ? '.sealed' : ''}`);
  }

  load(): string | null {
    if (!existsSync(this.file)) return null;
    try {
      const raw = readFileSync(this.file);
      const credential = this.cipher ? this.cipher.decrypt(raw) : raw.toString('utf8').trim();
      return CREDENTIAL_PATTERN.test(credential) ? credential : null;
    } catch {
      // Sealed by another user or machine: enroll again.
      return null;
    }
  }

  save(credential: string): void {
    if (!CREDENTIAL_PATTERN.test(credential)) throw new Error('not a device credential');
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, this.cipher ? this.cipher.encrypt(credential) : credential, { mode: 0o600 });
    // An umask or an older file could leave other bits; the mode is set before the name is.
    chmodSync(temp, 0o600);
    renameSync(temp, this.file);
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}

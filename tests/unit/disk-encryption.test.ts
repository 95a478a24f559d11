// Whether the data folder's volume is encrypted (issue #16, finding 5), read from lsblk's layer types.
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { encryptionFromLsblk, volumeEncryption } from '../../electron/core/desk/disk-encryption';

describe('disk encryption', () => {
  it('sees a crypt layer anywhere under the volume, and nothing as unknown', () => {
    expect(encryptionFromLsblk('lvm\ncrypt\npart\ndisk\n')).toBe('encrypted');
    expect(encryptionFromLsblk('part\ndisk\n')).toBe('not_encrypted');
    expect(encryptionFromLsblk('')).toBe('unknown');
  });

  it('answers for a real folder without throwing', () => {
    expect(['encrypted', 'not_encrypted', 'unknown']).toContain(volumeEncryption(tmpdir()));
  });
});

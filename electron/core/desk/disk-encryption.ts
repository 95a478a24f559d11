// Owns telling whether the data folder's volume is encrypted (LUKS / dm-crypt on Linux), for the start-up log and
// the audit: file modes keep other users out, only disk encryption protects a stolen disk.
import { execFileSync } from 'node:child_process';

export type VolumeEncryption = 'encrypted' | 'not_encrypted' | 'unknown';

/** From `lsblk -no TYPE -s DEVICE` (the device and every device under it): a crypt layer anywhere encrypts it. */
export function encryptionFromLsblk(types: string): VolumeEncryption {
  const layers = types.split('\n').map((line) => line.trim()).filter(Boolean);
  if (layers.length === 0) return 'unknown';
  return layers.includes('crypt') ? 'encrypted' : 'not_encrypted';
}

export function volumeEncryption(folder: string): VolumeEncryption {
  // Windows (BitLocker) needs an administrator to ask; macOS is not a desk platform.
  if (process.platform !== 'linux') return 'unknown';
  try {
    const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    const source = run('findmnt', ['-no', 'SOURCE', '-T', folder]).trim();
    // tmpfs, overlay and network file systems have no block device to ask about.
    if (!source.startsWith('/dev/')) return 'unknown';
    return encryptionFromLsblk(run('lsblk', ['-no', 'TYPE', '-s', source]));
  } catch {
    return 'unknown';
  }
}

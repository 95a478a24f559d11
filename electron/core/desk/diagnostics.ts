// Owns the desk's diagnostics for admins and supervisors: the data folder and its files' modes, whether its volume
// is encrypted, the tamper check's latest report, the audit head, the versions in use and reference data's sync.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostics, ReferenceSync } from '../../../shared/contract';
import type { AuditLog } from '../audit/audit-log';
import type { IntegrityMonitor } from '../audit/integrity-check';
import { schemaVersion, type Db } from '../db/connection';
import type { VolumeEncryption } from './disk-encryption';

const octal = (mode: number) => (mode & 0o777).toString(8).padStart(3, '0');

export interface DiagnosticsSources {
  db: Db;
  audit: AuditLog;
  integrity: IntegrityMonitor;
  dataDir: string;
  /** Asked once at start (it runs findmnt and lsblk); a volume does not change its encryption under a running desk. */
  diskEncryption: VolumeEncryption;
  appVersion: string;
  /** Reference data's sync (electron/core/sync/reference-status.ts). */
  reference: () => ReferenceSync;
}

export function diagnostics(sources: DiagnosticsSources): Diagnostics {
  const { db, audit, integrity, dataDir } = sources;
  const files = readdirSync(dataDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => ({ name: entry.name, mode: octal(statSync(join(dataDir, entry.name)).mode) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    dataDir,
    dataDirMode: octal(statSync(dataDir).mode),
    files,
    diskEncryption: sources.diskEncryption,
    integrity: integrity.latest(),
    auditHead: audit.head(),
    versions: {
      app: sources.appVersion,
      // Absent in the browser host, which runs on plain Node.
      electron: process.versions.electron ?? null,
      node: process.versions.node,
      schema: schemaVersion(db),
    },
    reference: sources.reference(),
  };
}

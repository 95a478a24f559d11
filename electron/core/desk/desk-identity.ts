// Owns this desk's identity: its device id (for event ids later synced to the hub) and whether it is a demo desk.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';

export interface DeskIdentity {
  deviceId: string;
  demo: boolean;
}

export function loadDeskIdentity(db: Db, demo: boolean, now: Date): DeskIdentity {
  const row = db.prepare('SELECT device_id, demo FROM desk WHERE id = 1').get() as { device_id: string; demo: number } | undefined;
  if (row) return { deviceId: row.device_id, demo: row.demo === 1 };
  const identity = { deviceId: randomUUID(), demo };
  db.prepare('INSERT INTO desk (id, device_id, demo, created_at) VALUES (1, ?, ?, ?)').run(
    identity.deviceId,
    demo ? 1 : 0,
    now.toISOString(),
  );
  return identity;
}

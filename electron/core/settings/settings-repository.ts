// Owns the settings table: one row a setting, its value kept as JSON. No defaults or overrides here.
import type { Db } from '../db/connection';

export class SettingsRepository {
  private readonly all;
  private readonly upsert;

  constructor(db: Db) {
    this.all = db.prepare('SELECT key, value FROM settings');
    this.upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  }

  /** Every stored setting by its key, each value as it was written. */
  stored(): Record<string, unknown> {
    const rows = this.all.all() as { key: string; value: string }[];
    return Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
  }

  /** Stores the values given; a key left undefined keeps what it had. */
  store(values: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(values)) {
      if (value !== undefined) this.upsert.run(key, JSON.stringify(value));
    }
  }
}

// Owns the desk's settings: defaults, stored values, and the per-launch idle-lock override.
import type { DeskSettings } from '../../../shared/contract';
import { DEFAULT_SLIP_SETTINGS } from '../../../shared/slips/slip-model';
import type { Db } from '../db/connection';

export const DEFAULT_SETTINGS: DeskSettings = {
  deskName: 'Meja 1',
  airportCode: 'PLM',
  deskCode: 'D01',
  idleLockMinutes: 5,
  defaultLanguage: 'id',
  ...DEFAULT_SLIP_SETTINGS,
  slipLayout: 'A5',
  printerName: '',
  slipCopies: 1,
};

export class SettingsService {
  constructor(
    private readonly db: Db,
    private readonly idleLockOverride: number | undefined,
  ) {}

  get(): DeskSettings {
    const rows = this.db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
    const stored = Object.fromEntries(rows.map((row) => [row.key, JSON.parse(row.value) as unknown]));
    const settings = { ...DEFAULT_SETTINGS, ...stored } as DeskSettings;
    if (this.idleLockOverride !== undefined) settings.idleLockMinutes = this.idleLockOverride;
    return settings;
  }

  update(changes: Partial<DeskSettings>): DeskSettings {
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
    return this.get();
  }
}

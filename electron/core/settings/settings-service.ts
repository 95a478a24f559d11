// Owns the desk's settings: defaults, stored values, and the per-launch idle-lock override.
import type { DeskSettings } from '../../../shared/contract';
import { DEFAULT_SLIP_SETTINGS } from '../../../shared/slips/slip-model';
import type { Db } from '../db/connection';
import { SettingsRepository } from './settings-repository';

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
  private readonly repository: SettingsRepository;

  constructor(
    db: Db,
    private readonly idleLockOverride: number | undefined,
  ) {
    this.repository = new SettingsRepository(db);
  }

  get(): DeskSettings {
    const settings = { ...DEFAULT_SETTINGS, ...this.repository.stored() } as DeskSettings;
    if (this.idleLockOverride !== undefined) settings.idleLockMinutes = this.idleLockOverride;
    return settings;
  }

  update(changes: Partial<DeskSettings>): DeskSettings {
    this.repository.store(changes);
    return this.get();
  }
}

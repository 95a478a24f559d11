// Owns the desk's settings: defaults, stored values, and the per-launch idle-lock override.
import type { DeskSettings } from '../../../shared/contract';
import { DEFAULT_SLIP_SETTINGS } from '../../../shared/slips/slip-model';
import type { Db } from '../db/connection';
import { SettingsRepository } from './settings-repository';

/**
 * No desk code by default: two desks that both took one would number their cases alike (PLM-D01-… at each), and a
 * printed case number is never changed. First-run setup asks for it; a desk set up before that kept 'D01' in its
 * settings (desk migration 14), so its numbers go on as they were.
 */
export const DEFAULT_SETTINGS: Omit<DeskSettings, 'deskCode'> = {
  deskName: 'Meja 1',
  airportCode: 'PLM',
  idleLockMinutes: 5,
  defaultLanguage: 'id',
  ...DEFAULT_SLIP_SETTINGS,
  slipLayout: 'A5',
  printerName: '',
  slipCopies: 1,
};

/** The settings as they stand: a desk not yet set up has no desk code. */
export type CurrentSettings = Omit<DeskSettings, 'deskCode'> & { deskCode: string | null };

export class SettingsService {
  private readonly repository: SettingsRepository;

  constructor(
    db: Db,
    private readonly idleLockOverride: number | undefined,
  ) {
    this.repository = new SettingsRepository(db);
  }

  get(): CurrentSettings {
    const settings = { deskCode: null, ...DEFAULT_SETTINGS, ...this.repository.stored() } as CurrentSettings;
    if (this.idleLockOverride !== undefined) settings.idleLockMinutes = this.idleLockOverride;
    return settings;
  }

  /**
   * The settings of a desk that is set up (signed-in calls and the cases they open): its desk code was given at
   * first-run setup. A desk with officers but no code is a fault, not a reason to invent one.
   */
  complete(): DeskSettings {
    const settings = this.get();
    if (settings.deskCode === null) throw new Error('this desk has no desk code: first-run setup sets it before any officer exists');
    return { ...settings, deskCode: settings.deskCode };
  }

  update(changes: Partial<DeskSettings>): DeskSettings {
    this.repository.store(changes);
    return this.complete();
  }

  /** First-run setup's codes, in the caller's transaction (the one that creates the first admin). */
  setCodes(airportCode: string, deskCode: string): void {
    this.repository.store({ airportCode, deskCode });
  }
}

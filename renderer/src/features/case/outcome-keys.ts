// Owns the case screen's keyboard: the Alt+key of each decision, saving, and the referral slip.
import type { Outcome } from './decision-draft';

/** Alt+key shortcuts, shown on the buttons. */
export const OUTCOME_KEYS: Record<Outcome, string> = {
  clear: 'B',
  tunda: 'T',
  refer_bp3mi: 'R',
  refer_police: 'L',
  refer_imigrasi: 'I',
  passport_action: 'P',
};
export const SAVE_KEY = 'S';
/** Cetak: opens the slip of a decided case (and prints it on the slip screen). */
export const SLIP_KEY = 'C';

export function outcomeForKey(key: string): Outcome | undefined {
  const upper = key.toUpperCase();
  return (Object.keys(OUTCOME_KEYS) as Outcome[]).find((outcome) => OUTCOME_KEYS[outcome] === upper);
}

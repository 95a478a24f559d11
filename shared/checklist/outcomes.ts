// Owns the decisions an officer can record and the conditions each one carries.
import type { Bilingual, Outcome } from './types';

export type OutcomeInfo = {
  outcome: Outcome;
  text: Bilingual;
  /** Only an officer of this agency may record it. */
  requiresAgency?: 'IMIGRASI';
  /** Not saved until a supervisor countersigns. */
  requiresCountersignature?: boolean;
  /** Every non-clear decision stores a legal ground (DOMAIN.md, Legal grounds). */
  requiresGround: boolean;
};

export const OUTCOMES: readonly OutcomeInfo[] = [
  { outcome: 'clear', text: { id: 'Boleh melanjutkan perjalanan', en: 'May proceed' }, requiresGround: false },
  {
    outcome: 'tunda',
    text: { id: 'Penundaan keberangkatan sampai persyaratan lengkap', en: 'Departure delayed until the requirements are complete' },
    requiresGround: true,
  },
  { outcome: 'refer_bp3mi', text: { id: 'Dirujuk ke BP3MI', en: 'Referred to BP3MI' }, requiresGround: true },
  { outcome: 'refer_police', text: { id: 'Dirujuk ke Polres Bandara', en: 'Referred to the airport police (Polres Bandara)' }, requiresGround: true },
  { outcome: 'refer_imigrasi', text: { id: 'Dirujuk ke pemeriksaan lanjutan Imigrasi', en: 'Referred to immigration secondary inspection' }, requiresGround: true },
  {
    outcome: 'passport_action',
    text: { id: 'Penarikan paspor', en: 'Passport withdrawal' },
    requiresAgency: 'IMIGRASI',
    requiresCountersignature: true,
    requiresGround: true,
  },
];

export function outcomeInfo(outcome: Outcome): OutcomeInfo {
  const found = OUTCOMES.find((o) => o.outcome === outcome);
  if (found === undefined) throw new Error(`Unknown outcome ${outcome}`);
  return found;
}

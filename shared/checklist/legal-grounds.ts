// Owns the legal grounds a non-clear decision may cite (DOMAIN.md, "Legal grounds"). It records powers that
// exist; it grants none: passport action is tied only to the Permenkumham 8/2014 (jo. 18/2022) grounds.
import type { Bilingual, Outcome } from './types';

export type LegalGround = {
  code: string;
  title: Bilingual;
  citation: string;
  /** Instrument and article only, as the traveller's slip cites it: no title that names the suspicion. */
  instrument: string;
  outcomes: Outcome[];
  /** Reasons whose presence makes this the ground to suggest; a suggestion only, the officer chooses. */
  suggestedBy: string[];
};

export const LEGAL_GROUNDS: readonly LegalGround[] = [
  {
    code: 'UU6_2011_P16_NO_DOCUMENT',
    title: { id: 'Tidak memiliki dokumen perjalanan yang sah dan berlaku', en: 'No valid travel document' },
    citation: 'UU No. 6 Tahun 2011 tentang Keimigrasian, Pasal 16',
    instrument: 'UU No. 6 Tahun 2011, Pasal 16',
    outcomes: ['tunda', 'refer_imigrasi'],
    suggestedBy: ['NO_VALID_TRAVEL_DOCUMENT', 'SUSPECTED_FALSE_DOCUMENT'],
  },
  {
    code: 'UU6_2011_P16_AUTHORITY_REQUEST',
    title: { id: 'Diperlukan untuk kepentingan penyidikan atas permintaan pejabat berwenang', en: 'Required for an investigation at the request of an authorised official' },
    citation: 'UU No. 6 Tahun 2011 tentang Keimigrasian, Pasal 16',
    instrument: 'UU No. 6 Tahun 2011, Pasal 16',
    outcomes: ['tunda', 'refer_imigrasi', 'refer_police'],
    suggestedBy: ['AUTHORITY_REQUEST'],
  },
  {
    code: 'UU6_2011_P16_PREVENTION_LIST',
    title: { id: 'Termasuk dalam daftar pencegahan', en: 'On the prevention list (daftar pencegahan)' },
    citation: 'UU No. 6 Tahun 2011 tentang Keimigrasian, Pasal 16',
    instrument: 'UU No. 6 Tahun 2011, Pasal 16',
    outcomes: ['tunda', 'refer_imigrasi'],
    suggestedBy: ['PREVENTION_LIST'],
  },
  {
    // The neutral ground for a routine secondary inspection, so that a tourist sent there is never recorded as a
    // suspected non-procedural worker. Pasal 9 (every departure is examined by an immigration officer at a TPI)
    // is this desk's reading: to be confirmed by Imigrasi before a desk goes live (README).
    code: 'UU6_2011_P9_EXAMINATION',
    title: { id: 'Pemeriksaan keimigrasian lanjutan', en: 'Further immigration examination' },
    citation: 'UU No. 6 Tahun 2011 tentang Keimigrasian, Pasal 9',
    instrument: 'UU No. 6 Tahun 2011, Pasal 9',
    outcomes: ['refer_imigrasi'],
    suggestedBy: ['ROUTINE_CLARIFICATION', 'ONE_WAY_TICKET', 'LONG_STAY', 'NO_MONEY', 'NO_ADDRESS', 'INCONSISTENT', 'VAGUE_PURPOSE', 'EARLIER_HOLD', 'EARLIER_OVERSTAY', 'DESTINATION_MISMATCH', 'ONWARD_UNTICKETED'],
  },
  {
    code: 'SE_IMI_5890_2021_NON_PROCEDURAL',
    title: { id: 'Dugaan PMI non-prosedural, berkoordinasi dengan BP3MI', en: 'Suspected non-procedural migrant worker, coordinated with BP3MI' },
    citation: 'SE Dirjen Imigrasi No. IMI.2.GR.01.01-4.5890 Tahun 2021; Permenkumham No. 9 Tahun 2024 (pengganti Permenkumham No. 44 Tahun 2015)',
    instrument: 'SE Dirjen Imigrasi No. IMI.2.GR.01.01-4.5890 Tahun 2021; Permenkumham No. 9 Tahun 2024',
    outcomes: ['tunda', 'refer_bp3mi', 'refer_imigrasi'],
    suggestedBy: ['NOT_PLACEMENT_COUNTRY', 'MORATORIUM_COUNTRY', 'WORK_ON_NON_WORK_VISA', 'UNDECLARED_WORK', 'NO_ID_PMI'],
  },
  {
    code: 'PERMENKUMHAM_8_2014_SUSPECT',
    title: {
      id: 'Penarikan paspor: pemegang berstatus tersangka tindak pidana yang diancam pidana 5 tahun atau lebih',
      en: 'Passport withdrawal: the holder is a suspect in an offence punishable by 5 years or more',
    },
    citation: 'Permenkumham No. 8 Tahun 2014 sebagaimana diubah dengan Permenkumham No. 18 Tahun 2022',
    instrument: 'Permenkumham No. 8 Tahun 2014 jo. Permenkumham No. 18 Tahun 2022',
    outcomes: ['passport_action'],
    suggestedBy: [],
  },
  {
    code: 'PERMENKUMHAM_8_2014_PREVENTION_LIST',
    title: { id: 'Penarikan paspor: pemegang termasuk dalam daftar pencegahan', en: 'Passport withdrawal: the holder is on the prevention list' },
    citation: 'Permenkumham No. 8 Tahun 2014 sebagaimana diubah dengan Permenkumham No. 18 Tahun 2022',
    instrument: 'Permenkumham No. 8 Tahun 2014 jo. Permenkumham No. 18 Tahun 2022',
    outcomes: ['passport_action'],
    suggestedBy: ['PREVENTION_LIST'],
  },
  {
    code: 'UU18_2017_PMI_PROTECTION',
    title: { id: 'Pelindungan Pekerja Migran Indonesia (persyaratan dan dokumen PMI)', en: 'Protection of Indonesian migrant workers (worker requirements and documents)' },
    citation: 'UU No. 18 Tahun 2017 tentang Pelindungan Pekerja Migran Indonesia (Pasal 13: dokumen yang wajib dimiliki)',
    instrument: 'UU No. 18 Tahun 2017, Pasal 13',
    outcomes: ['tunda', 'refer_bp3mi'],
    suggestedBy: ['NO_ID_PMI', 'NO_WORK_VISA', 'NO_CONTRACT', 'NO_CONSENT', 'DOCUMENTS_INCOMPLETE', 'MINOR_WORKER', 'WORK_ON_NON_WORK_VISA', 'UNDECLARED_WORK', 'NOT_PLACEMENT_COUNTRY', 'MORATORIUM_COUNTRY', 'PLACEMENT_UNCONFIRMED'],
  },
  {
    // The desk's act under UU 21/2007 is prevention, not a charge: Pasal 57 ayat (1) puts the duty to prevent trafficking
    // on government, regional government, society and family (BAB VI, Pencegahan dan Penanganan, opens at Pasal 56).
    // The slip cites that article: it is handed to the person the law protects, and an offence article (Pasal 4:
    // taking an Indonesian citizen abroad to be exploited; Pasal 10: attempting or helping, which police cite in
    // migrant-worker cases) would read as an accusation of the holder. The case keeps the offence articles and Pasal 44
    // (a victim's identity is kept confidential), which is why the slip names nothing more. To be confirmed by BP3MI
    // and Imigrasi before a desk goes live (README).
    code: 'UU21_2007_TPPO',
    title: { id: 'Dugaan tindak pidana perdagangan orang', en: 'Suspected human trafficking' },
    citation:
      'UU No. 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang, Pasal 57 ayat (1) (kewajiban mencegah); dugaan tindak pidana Pasal 4 jo. Pasal 10; identitas korban dirahasiakan, Pasal 44',
    instrument: 'UU No. 21 Tahun 2007, Pasal 57',
    outcomes: ['refer_police', 'refer_bp3mi'],
    suggestedBy: ['SUSPECTED_TPPO', 'DOCUMENTS_HELD_BY_OTHER', 'DEBT_BONDAGE', 'MET_BY_UNKNOWN', 'ANSWERED_BY_OTHER', 'OBSERVED_FEAR', 'COACHED', 'PAY_TOO_HIGH', 'JOB_VIA_SOCIAL_MEDIA', 'SCAM_ROUTE', 'VISIBLE_INJURIES', 'COMPANION_REFUSED'],
  },
];

export function legalGround(code: string): LegalGround | undefined {
  return LEGAL_GROUNDS.find((g) => g.code === code);
}

/** The grounds that may be cited for this outcome; empty for 'clear', which needs none. */
export function groundsFor(outcome: Outcome): LegalGround[] {
  return LEGAL_GROUNDS.filter((g) => g.outcomes.includes(outcome));
}

/**
 * The ground to offer first for this outcome, given the reasons chosen: the allowed ground most of those reasons
 * point to (earlier in the list on a tie). None when no reason points to one: a power is never guessed.
 */
export function suggestedGround(outcome: Outcome, reasons: readonly string[]): LegalGround | undefined {
  let best: LegalGround | undefined;
  let bestCount = 0;
  for (const ground of groundsFor(outcome)) {
    const count = ground.suggestedBy.filter((code) => reasons.includes(code)).length;
    if (count > bestCount) {
      best = ground;
      bestCount = count;
    }
  }
  return best;
}

// Owns what a referral slip says: from a decided case and the desk's slip settings to the bilingual content
// (Indonesian first, English beneath) that every layout prints. No layout or rendering here.
import { LEGAL_GROUNDS, type Bilingual, type Outcome } from '../checklist';
import { AGENCIES, type Agency, type CaseDetail, type SlipModel } from '../contract';
import { translate, type MessageKey } from '../i18n/catalogue';
import { airportDateTime } from '../reference-data/airport-time';

export interface SlipSettings {
  /** The issuing offices printed at the top, one per line. */
  issuingOffices: string[];
  bp3miAddress: string;
  bp3miHotline: string;
  /** Print only the first and last characters of the document number. */
  maskDocumentNumber: boolean;
}

/** Address and hotline ship empty on purpose: a wrong number on a victim's slip is worse than a blank an admin must fill. */
export const DEFAULT_SLIP_SETTINGS: SlipSettings = {
  issuingOffices: ['BP3MI Sumatera Selatan', 'Kantor Imigrasi Kelas I TPI Palembang'],
  bp3miAddress: '',
  bp3miHotline: '',
  maskDocumentNumber: true,
};

/**
 * Where the traveller can get help until an admin sets the BP3MI office and hotline: the national KP2MI call
 * centre. NOT CONFIRMED BY THE MINISTRY: 0800-1000 is the toll-free "Halo TKI" line BNP2TKI opened in 2011
 * (Republika, 27 June 2011), which press reports still gave as the BP2MI call centre in December 2025; it was not
 * checked on kp2mi.go.id. Confirm it with BP3MI before a desk goes live (README).
 */
export const NATIONAL_HELPLINE = {
  hotline: 'Call Center KP2MI 0800-1000 (bebas pulsa / toll-free)',
  address: 'BP3MI Sumatera Selatan, Palembang',
  source: 'Halo TKI 0800-1000 (BNP2TKI, 2011), still given for BP2MI in press reports of December 2025; not confirmed by KP2MI',
} as const;

/**
 * The only reason a slip gives: it is handed over in front of whoever travels with the traveller, so it never names
 * an indicator (control, debt, an observation, trafficking, the watch list). The case keeps the full record.
 */
const NEUTRAL_REASON: Bilingual = { id: 'Perlu klarifikasi lanjutan', en: 'Further clarification needed' };
const GROUND_TITLE: Bilingual = { id: 'Sesuai ketentuan', en: 'Under the provision' };

/** A catalogue entry in both languages: a slip always prints Indonesian with English beneath. */
function bilingual(key: MessageKey): Bilingual {
  return { id: translate('id', key), en: translate('en', key) };
}

function agencyLabel(agency: string): Bilingual {
  return (AGENCIES as readonly string[]).includes(agency) ? bilingual(`slip.agency.${agency as Agency}`) : { id: agency, en: agency };
}

/**
 * What the slip calls the decision. The three referrals share one heading, one set of next steps and one list of
 * things to bring: a recruiter reading the slip over the traveller's shoulder cannot tell a referral to the police
 * or to victim support from a routine secondary inspection. The officers lead the traveller where the case says.
 */
type SlipHeading = 'clear' | 'tunda' | 'referral' | 'passport_action';
const HEADING: Record<Outcome, SlipHeading> = {
  clear: 'clear',
  tunda: 'tunda',
  refer_bp3mi: 'referral',
  refer_police: 'referral',
  refer_imigrasi: 'referral',
  passport_action: 'passport_action',
};

const NEXT_STEPS: Record<SlipHeading, Bilingual> = {
  clear: { id: 'Silakan melanjutkan ke pemeriksaan keamanan.', en: 'Please continue to the security check.' },
  // Promises nothing the law does not allow: towards a country closed to placement, no document makes the trip lawful.
  tunda: {
    id: 'Keberangkatan Anda ditunda. Datang ke kantor BP3MI di bawah ini untuk penjelasan tentang persyaratan dan cara resmi bekerja di luar negeri. Layanan BP3MI gratis.',
    en: 'Your departure is delayed. Come to the BP3MI office below for an explanation of the requirements and the lawful way to work abroad. BP3MI services are free of charge.',
  },
  referral: {
    id: 'Ikuti petugas untuk klarifikasi lanjutan. Anda berhak atas pendampingan dan layanan gratis.',
    en: 'Go with the officer for further clarification. You have the right to assistance and free services.',
  },
  passport_action: {
    id: 'Paspor Anda ditarik berdasarkan dasar hukum di atas. Untuk keterangan lebih lanjut hubungi Kantor Imigrasi Kelas I TPI Palembang.',
    en: 'Your passport is withdrawn on the legal ground above. For more information contact the Palembang immigration office.',
  },
};

const BRING: Record<SlipHeading, Bilingual[]> = {
  clear: [],
  tunda: [
    { id: 'Surat ini', en: 'This slip' },
    { id: 'Paspor dan KTP', en: 'Passport and identity card (KTP)' },
    { id: 'ID PMI / e-KTKLN bila ada', en: 'Migrant worker ID (ID PMI / e-KTKLN) if you have one' },
    { id: 'Perjanjian kerja dan visa kerja', en: 'Employment contract and work visa' },
    { id: 'Surat izin suami/istri atau orang tua/wali', en: "Spouse's or parents'/guardian's consent letter" },
  ],
  referral: [
    { id: 'Surat ini', en: 'This slip' },
    { id: 'Paspor dan tiket', en: 'Passport and ticket' },
  ],
  passport_action: [
    { id: 'Surat ini', en: 'This slip' },
    { id: 'KTP', en: 'Identity card (KTP)' },
  ],
};

/** Keeps the first two and last two characters, so the slip identifies the case without carrying the full number. */
export function maskDocumentNumber(documentNumber: string): string {
  if (documentNumber.length <= 4) return documentNumber;
  return `${documentNumber.slice(0, 2)}${'•'.repeat(documentNumber.length - 4)}${documentNumber.slice(-2)}`;
}

/** `airportCode` is this desk's airport (IATA): the slip's time is that airport's clock, whatever zone the PC is set to. */
export function buildSlip(detail: CaseDetail, settings: SlipSettings & { airportCode: string }, issuedAt: Date): SlipModel | null {
  const decision = detail.decisionDetail;
  if (!decision) return null;
  const outcome = decision.outcome;
  const ground = decision.legalGround ? LEGAL_GROUNDS.find((g) => g.code === decision.legalGround) : undefined;
  return {
    caseId: detail.id,
    caseNumber: detail.caseNumber,
    qrText: detail.caseNumber,
    issuedAt: issuedAt.toISOString(),
    issuedAtLocal: airportDateTime(issuedAt, settings.airportCode),
    offices: settings.issuingOffices,
    title: { id: 'SURAT RUJUKAN', en: 'REFERRAL SLIP' },
    travellerName: [detail.traveller.primaryIdentifier, detail.traveller.secondaryIdentifier].filter(Boolean).join(', '),
    documentNumber: settings.maskDocumentNumber ? maskDocumentNumber(detail.documentNumber) : detail.documentNumber,
    decision: bilingual(`slip.heading.${HEADING[outcome]}`),
    awaitingCountersignature: detail.status === 'awaiting_countersignature',
    reasons: outcome === 'clear' ? [] : [NEUTRAL_REASON],
    // By instrument and article only: a ground's title or a law's full name can name the suspicion.
    ground: ground ? { title: GROUND_TITLE, citation: ground.instrument } : null,
    // The officer's note stays in the case; it is never printed.
    note: '',
    nextSteps: NEXT_STEPS[HEADING[outcome]],
    bring: BRING[HEADING[outcome]],
    bp3miAddress: settings.bp3miAddress.trim() || NATIONAL_HELPLINE.address,
    bp3miHotline: settings.bp3miHotline.trim() || NATIONAL_HELPLINE.hotline,
    officer: { name: decision.decidedByName, agency: agencyLabel(decision.decidedByAgency) },
    countersignedBy: decision.countersignedByName,
  };
}

// Owns what a referral slip says: from a decided case and the desk's slip settings to the bilingual content
// (Indonesian first, English beneath) that every layout prints. No layout or rendering here.
import { LEGAL_GROUNDS, REASON_CODES, type Bilingual, type Outcome } from '../checklist';
import { AGENCIES, type Agency, type CaseDetail, type SlipModel } from '../contract';
import { translate, type MessageKey } from '../i18n/catalogue';

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

/** A catalogue entry in both languages: a slip always prints Indonesian with English beneath. */
function bilingual(key: MessageKey): Bilingual {
  return { id: translate('id', key), en: translate('en', key) };
}

function agencyLabel(agency: string): Bilingual {
  return (AGENCIES as readonly string[]).includes(agency) ? bilingual(`slip.agency.${agency as Agency}`) : { id: agency, en: agency };
}

const NEXT_STEPS: Record<Outcome, Bilingual> = {
  clear: { id: 'Silakan melanjutkan ke pemeriksaan keamanan.', en: 'Please continue to the security check.' },
  tunda: {
    id: 'Keberangkatan Anda ditunda. Lengkapi persyaratan penempatan di kantor BP3MI di bawah ini, lalu Anda dapat berangkat kembali. Layanan BP3MI gratis.',
    en: 'Your departure is delayed. Complete the placement requirements at the BP3MI office below; then you may travel again. BP3MI services are free of charge.',
  },
  refer_bp3mi: {
    id: 'Ikuti petugas BP3MI ke ruang layanan. BP3MI memberi konseling, tempat tinggal sementara bila perlu, dan bantuan pulang ke daerah asal.',
    en: 'Go with the BP3MI officer to the service room. BP3MI gives counselling, temporary shelter if needed, and help to return home.',
  },
  refer_police: {
    id: 'Anda didampingi ke Polres Bandara. Sebagai saksi atau korban Anda berhak atas pendampingan dan perlindungan.',
    en: 'You are accompanied to the airport police. As a witness or victim you have the right to assistance and protection.',
  },
  refer_imigrasi: {
    id: 'Ikuti petugas ke ruang pemeriksaan lanjutan Imigrasi.',
    en: 'Go with the officer to the immigration secondary inspection room.',
  },
  passport_action: {
    id: 'Paspor Anda ditarik berdasarkan dasar hukum di atas. Untuk keterangan lebih lanjut hubungi Kantor Imigrasi Kelas I TPI Palembang.',
    en: 'Your passport is withdrawn on the legal ground above. For more information contact the Palembang immigration office.',
  },
};

const BRING: Record<Outcome, Bilingual[]> = {
  clear: [],
  tunda: [
    { id: 'Surat ini', en: 'This slip' },
    { id: 'Paspor dan KTP', en: 'Passport and identity card (KTP)' },
    { id: 'ID PMI / e-KTKLN bila ada', en: 'Migrant worker ID (ID PMI / e-KTKLN) if you have one' },
    { id: 'Perjanjian kerja dan visa kerja', en: 'Employment contract and work visa' },
    { id: 'Surat izin suami/istri atau orang tua/wali', en: "Spouse's or parents'/guardian's consent letter" },
  ],
  refer_bp3mi: [
    { id: 'Surat ini', en: 'This slip' },
    { id: 'Paspor, KTP, dan tiket', en: 'Passport, identity card and ticket' },
  ],
  refer_police: [{ id: 'Surat ini', en: 'This slip' }],
  refer_imigrasi: [
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

export function buildSlip(detail: CaseDetail, settings: SlipSettings, issuedAt: Date): SlipModel | null {
  const decision = detail.decisionDetail;
  if (!decision) return null;
  const outcome = decision.outcome;
  const ground = decision.legalGround ? LEGAL_GROUNDS.find((g) => g.code === decision.legalGround) : undefined;
  return {
    caseId: detail.id,
    caseNumber: detail.caseNumber,
    qrText: detail.caseNumber,
    issuedAt: issuedAt.toISOString(),
    offices: settings.issuingOffices,
    title: { id: 'SURAT RUJUKAN', en: 'REFERRAL SLIP' },
    travellerName: [detail.traveller.primaryIdentifier, detail.traveller.secondaryIdentifier].filter(Boolean).join(', '),
    documentNumber: settings.maskDocumentNumber ? maskDocumentNumber(detail.documentNumber) : detail.documentNumber,
    decision: bilingual(`slip.outcome.${outcome}`),
    awaitingCountersignature: detail.status === 'awaiting_countersignature',
    reasons: decision.reasons.map((code) => REASON_CODES.find((r) => r.code === code)?.text ?? { id: code, en: code }),
    ground: ground ? { title: ground.title, citation: ground.citation } : null,
    note: decision.note,
    nextSteps: NEXT_STEPS[outcome],
    bring: BRING[outcome],
    bp3miAddress: settings.bp3miAddress,
    bp3miHotline: settings.bp3miHotline,
    officer: { name: decision.decidedByName, agency: agencyLabel(decision.decidedByAgency) },
    countersignedBy: decision.countersignedByName,
  };
}

// Owns building the synthetic case database the case-store benchmark runs on: travellers, cases, their events
// and audit entries, written straight into a real desk file. It is a generator, not the system under test, so it
// inserts with its own prepared statements in large transactions; the schema comes from openDatabase() so that
// the tables and indexes measured are exactly the shipped migrations.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import {
  DEFAULT_CHECKLIST,
  DEFAULT_COUNTRY_RULES,
  LEGAL_GROUNDS,
  evaluateRisk,
  recordedRisk,
  visibleWithAnswers,
  type Answers,
} from '../../shared/checklist';
import { generateMrz } from '../../shared/mrz';
import { CALM_FULL_INTERVIEW, CLEAR_TOURIST } from '../fixtures/triage-answers';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { nameKey } from '../../electron/core/cases/case-repository';
import { EVENT_CATALOGUE, type EventType } from '../../shared/events/catalogue';
import { riskSchema, type Risk } from '../../shared/contract';
import { REGENCIES, type Regency } from '../../shared/reference-data/areas';

/** Deterministic PRNG (mulberry32): the same --cases gives the same travellers on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

// Common Indonesian given names and family names. Deliberately few: real name keys collide a lot (many SITI,
// many SETIAWAN), which is what makes name + birth date lookups and name-prefix searches hard.
export const GIVEN_NAMES = [
  'BUDI', 'SITI', 'SRI', 'DEWI', 'AHMAD', 'MUHAMMAD', 'NUR', 'RINA', 'AGUS', 'ANDI', 'EKO', 'DWI', 'TRI', 'JOKO',
  'SUSI', 'YANTI', 'WATI', 'RATNA', 'INDAH', 'FITRI', 'PUTRI', 'AYU', 'DIAN', 'RIZKY', 'FAJAR', 'HENDRA', 'IWAN',
  'WAHYU', 'YUSUF', 'ARIF', 'RUDI', 'ADI', 'BAMBANG', 'SLAMET', 'SUPARMI', 'SUMARNI', 'KARTINI', 'LINA', 'NINGSIH',
  'ENDANG', 'HERI', 'IKA', 'LESTARI', 'MAYA', 'NOVI', 'RAHMAT', 'SARI', 'TUTI', 'UMI', 'YULI', 'ZAINAL', 'FARIDA',
  'HARYANTO', 'IMAM', 'KOMARIAH', 'MARYAM', 'NURUL', 'PURWANTO', 'ROSITA', 'SUGENG',
] as const;
export const FAMILY_NAMES = [
  'SETIAWAN', 'SUGIARTO', 'SUGIHARTO', 'SUSANTO', 'WIJAYA', 'HIDAYAT', 'SAPUTRA', 'LESTARI', 'RAHMAWATI', 'KURNIAWAN',
  'PRATAMA', 'SANTOSO', 'NURHAYATI', 'HARAHAP', 'SIREGAR', 'NASUTION', 'LUBIS', 'SIMANJUNTAK', 'SITUMORANG',
  'GINTING', 'TARIGAN', 'PURBA', 'HUTAPEA', 'WIBOWO', 'GUNAWAN', 'HALIM', 'SALIM', 'TANJUNG', 'SIMATUPANG',
  'RAMADHAN', 'FIRMANSYAH', 'SUPRIYADI', 'SUHARTO', 'SUDIRMAN', 'SUTRISNO', 'MULYADI', 'HARTONO', 'PRASETYO',
  'WULANDARI', 'PERMATASARI', 'ANGGRAINI', 'KUSUMA', 'HANDAYANI', 'SETIADI', 'SUBAGYO', 'SUYANTO', 'WAHYUDI',
  'SYAHPUTRA', 'MAULANA', 'HAKIM', 'IRAWAN', 'SUPRAPTO', 'SUMARNO', 'PANJAITAN', 'MANURUNG', 'BATUBARA',
  'DAULAY', 'RANGKUTI', 'PANGGABEAN', 'SEMBIRING',
] as const;

// Indonesian passports: one letter and seven digits. Z is never generated, so 'Z…' is a number that matches nothing.
const DOC_LETTERS = ['A', 'B', 'C', 'E', 'X'] as const;
const DOC_SPACE = DOC_LETTERS.length * 10_000_000;
/** A bijection on [0, DOC_SPACE): distinct travellers get distinct numbers without a set of used ones. */
function documentNumber(index: number): string {
  const n = (index * 7_368_787 + 1_234_567) % DOC_SPACE;
  return DOC_LETTERS[Math.floor(n / 10_000_000)]! + String(n % 10_000_000).padStart(7, '0');
}

export const DESKS = [
  { code: 'D01', name: 'Meja 1', weight: 0.4 },
  { code: 'D02', name: 'Meja 2', weight: 0.3 },
  { code: 'D03', name: 'Meja 3', weight: 0.2 },
  { code: 'D04', name: 'Meja 4', weight: 0.1 },
] as const;

export const BENCH_OFFICER_NUMBER = 'IMI-0001';

/** Interview profiles: what the traveller said, where the ticket goes, and how the desk usually ends such a case. */
export interface Profile {
  weight: number;
  held: boolean;
  answers: Answers;
  airport: string;
  country: string;
  flights: readonly string[];
  outcomes: readonly ('tunda' | 'refer_bp3mi' | 'refer_imigrasi' | 'refer_police')[];
}

// Answers to checklist 2026.3 (the version a new desk uses): the triage for everyone, the full interview where a
// triage answer opened it. A profile that is never held answers every question it may be shown, the full interview
// too (an earlier hold of the same traveller opens it), so it may be cleared; only the answers shown are kept.
const officialWork: Answers = {
  purpose: 'work', id_pmi: 'verified', id_pmi_number: 'PMI-1671-2026-0042', final_destination: 'flight_country', destination_city: 'Penang',
  arranged_by: 'employer_or_p3mi', stay_meet: 'employer', officer_observation: ['none'], ...CALM_FULL_INTERVIEW,
  job_type: 'factory', job_found_via: 'p3mi', visa_type: 'work', has_contract: true, family_consent: true, monthly_pay_idr: 6_500_000,
};
/** What the officer learns once the full interview opens, asked apart from companions. */
const recruitedPrivately: Answers = {
  private_setting: 'separated', travel_companions: 'group_strangers', earlier_trouble: false, has_contract: false, family_consent: false,
  documents_holder: 'other_person', debt: 'recruiter_employer', address_known: false,
};
export const PROFILES: readonly Profile[] = [
  { weight: 0.38, held: false, airport: 'KUL', country: 'MYS', flights: ['AK 1305', 'QZ 7631', 'OD 309'], outcomes: [],
    answers: { ...CLEAR_TOURIST, stay_meet: 'family_friend' } },
  { weight: 0.2, held: false, airport: 'JED', country: 'SAU', flights: ['GA 980', 'SV 821'], outcomes: [],
    answers: { purpose: 'umrah_hajj', final_destination: 'flight_country', destination_city: 'Makkah', return_ticket: true, return_history: 'return_no_trouble', arranged_by: 'travel_agency',
      stay_meet: 'organiser', officer_observation: ['none'], ...CALM_FULL_INTERVIEW, travel_agency: 'PT Amanah Wisata Sriwijaya' } },
  { weight: 0.12, held: false, airport: 'SIN', country: 'SGP', flights: ['TR 297', 'GA 842'], outcomes: [],
    answers: { ...CLEAR_TOURIST, purpose: 'family_visit', stay_meet: 'family_friend' } },
  { weight: 0.15, held: false, airport: 'KUL', country: 'MYS', flights: ['AK 1305', 'QZ 7631'], outcomes: [], answers: officialWork },
  { weight: 0.08, held: true, airport: 'KUL', country: 'MYS', flights: ['AK 1305', 'QZ 7631'], outcomes: ['tunda', 'refer_bp3mi', 'refer_bp3mi', 'refer_imigrasi'],
    answers: { ...officialWork, id_pmi: 'none', arranged_by: 'third_party', officer_observation: ['coached'], ...recruitedPrivately,
      travel_companions: 'alone', documents_holder: 'self', address_known: true, job_type: 'domestic', job_found_via: 'sponsor', visa_type: 'tourist',
      monthly_pay_idr: 6_500_000 } },
  { weight: 0.05, held: true, airport: 'KUL', country: 'MYS', flights: ['AK 1305', 'OD 309'], outcomes: ['tunda', 'tunda', 'refer_imigrasi', 'refer_bp3mi'],
    answers: { purpose: 'tourism', final_destination: 'flight_country', destination_city: 'Sabah', return_ticket: false, return_history: 'no_return_no_trouble', arranged_by: 'third_party',
      stay_meet: 'unknown', officer_observation: ['fearful', 'inconsistent'], ...recruitedPrivately, work_intent: true, job_type: 'plantation',
      job_found_via: 'social_media', visa_type: 'tourist', monthly_pay_idr: 18_000_000 } },
  { weight: 0.02, held: true, airport: 'JED', country: 'SAU', flights: ['SV 821'], outcomes: ['tunda', 'refer_imigrasi', 'refer_police'],
    answers: { purpose: 'umrah_hajj', final_destination: 'flight_country', destination_city: 'Riyadh', return_ticket: false, return_history: 'no_return_no_trouble', arranged_by: 'third_party',
      stay_meet: 'unknown', officer_observation: ['answered_by_other'], ...recruitedPrivately, work_intent: true, job_type: 'domestic',
      job_found_via: 'sponsor', visa_type: 'umrah', travel_agency: 'tidak tahu' } },
];

interface PreparedProfile extends Profile {
  risk: Risk;
  storedAnswers: Answers;
  answersJson: string;
  riskJson: string;
  riskLevel: string;
  suggestedOutcome: string;
  reasonCodes: string[];
}

function prepareProfiles(): PreparedProfile[] {
  return PROFILES.map((profile) => {
    // The risk text is what the real service would store for these answers, so the row carries its true weight.
    const context = { destinationCountry: profile.country, ageYears: 30, countryRules: DEFAULT_COUNTRY_RULES, earlierHolds: 0, watchListHits: 0 };
    // As the projector stores it: the event's parsed risk, in the schema's key order.
    const risk = riskSchema.parse(recordedRisk(evaluateRisk(DEFAULT_CHECKLIST, profile.answers, context)));
    // What the core stores: the answers to the questions shown.
    const storedAnswers = visibleWithAnswers(DEFAULT_CHECKLIST, profile.answers, context).answers;
    return {
      ...profile,
      risk,
      storedAnswers,
      answersJson: JSON.stringify(storedAnswers),
      riskJson: JSON.stringify(risk),
      riskLevel: risk.level,
      suggestedOutcome: risk.suggestedOutcome,
      reasonCodes: risk.indicators.map((i) => i.reasonCode),
    };
  });
}

function weighted<T extends { weight: number }>(random: () => number, items: readonly T[]): T {
  let r = random() * items.reduce((sum, item) => sum + item.weight, 0);
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items.at(-1)!;
}

/** The desk's local day, as nextCaseNumber() counts it, so generated numbers never collide with new ones. */
/** South Sumatra's regencies and cities (the airport's hinterland), where most held travellers come from. */
const HOME_REGENCIES = REGENCIES.filter((r) => r.provinceCode === '16');
/**
 * A held traveller's origin, as the interview records it: often not given, mostly from South Sumatra, skewed towards
 * a few regencies (so the report's regency counts have a shape), sometimes from anywhere in Indonesia.
 */
function heldOrigin(random: () => number): Regency | null {
  if (random() < 0.3) return null;
  if (random() < 0.15) return pick(random, REGENCIES);
  return HOME_REGENCIES[Math.floor(random() ** 2 * HOME_REGENCIES.length)]!;
}

function localDateStamp(at: Date): string {
  return `${String(at.getFullYear() % 100).padStart(2, '0')}${String(at.getMonth() + 1).padStart(2, '0')}${String(at.getDate()).padStart(2, '0')}`;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

interface Traveller {
  primary: string;
  secondary: string;
  birthDate: string;
  sex: 'M' | 'F';
  documents: { number: string; expiry: string }[];
  /** When the passport was renewed (ms); later cases carry the second document. */
  renewedAt: number;
}

function makeTraveller(random: () => number, index: number, renewals: { next: number }, windowStart: number, windowEnd: number): Traveller {
  const shape = random();
  const given = pick(random, GIVEN_NAMES);
  const family = pick(random, FAMILY_NAMES);
  // A quarter have one name only (common in Indonesia), which the passport puts in the primary identifier.
  const primary = shape < 0.25 ? (random() < 0.5 ? given : family) : family;
  const secondary = shape < 0.25 ? '' : shape < 0.85 ? given : `${given} ${pick(random, GIVEN_NAMES)}`;
  const birthStart = Date.UTC(1960, 0, 1);
  const birthEnd = Date.UTC(2008, 11, 31);
  const expiryYear = (): string => `${2027 + Math.floor(random() * 8)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-15`;
  const documents = [{ number: documentNumber(index), expiry: expiryYear() }];
  let renewedAt = Infinity;
  // About one traveller in seven renewed the passport within the window: same person, new number.
  if (random() < 0.15) {
    documents.push({ number: documentNumber(renewals.next++), expiry: expiryYear() });
    renewedAt = windowStart + random() * (windowEnd - windowStart);
  }
  return {
    primary,
    secondary,
    birthDate: isoDate(birthStart + random() * (birthEnd - birthStart)),
    sex: random() < 0.55 ? 'F' : 'M',
    documents,
    renewedAt,
  };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface GenerationReport {
  ms: number;
  travellers: number;
}

export interface GenerationOptions {
  /**
   * Today's events (version 2: opened, travel, answers, decided), each carrying its whole step, with the case rows
   * the projector would build from them, so the tamper check can rebuild every case (bench:integrity). Without it,
   * the two version-1 events the case benchmarks were built with.
   */
  rebuildable?: boolean;
}

/**
 * Writes `cases` decided cases (plus their events and the two audit entries the service writes for each) into
 * `file`. Built under a temporary name and renamed at the end, so a present file is always a complete one.
 */
export function generateCaseDatabase(file: string, cases: number, log: (line: string) => void, options: GenerationOptions = {}): GenerationReport {
  const started = performance.now();
  const partial = `${file}.partial`;
  for (const f of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
  const db = openDatabase(partial);
  // The generator's own writes need no durability; a crash leaves only a .partial file, rebuilt next time.
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');

  const random = rng(20261128 ^ cases);
  const profiles = prepareProfiles();
  const windowEnd = new Date(new Date().setHours(0, 0, 0, 0)).getTime();
  const windowStart = windowEnd - 730 * 86_400_000;

  // ~600k distinct travellers per million cases; a fifth of them come back (migrant workers going to and fro),
  // taking the remaining cases between them, so a repeater has about five cases and a few have more than ten.
  const travellerCount = Math.max(1, Math.round(cases * 0.6));
  const repeaters = Math.max(1, Math.round(travellerCount * 0.2));
  const renewals = { next: travellerCount };
  const travellers: Traveller[] = [];
  for (let i = 0; i < travellerCount; i++) travellers.push(makeTraveller(random, i, renewals, windowStart, windowEnd));
  const owner = new Int32Array(cases);
  for (let i = 0; i < cases; i++) owner[i] = i < travellerCount ? i : Math.floor(random() * repeaters);
  for (let i = cases - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = owner[i]!;
    owner[i] = owner[j]!;
    owner[j] = t;
  }
  const times = new Float64Array(cases);
  for (let i = 0; i < cases; i++) times[i] = windowStart + random() * (windowEnd - windowStart);
  times.sort();

  const deviceIds = DESKS.map(() => randomUUID());
  db.prepare('INSERT INTO desk (id, device_id, demo, created_at) VALUES (1, ?, 0, ?)').run(deviceIds[0], new Date(windowStart).toISOString());
  // The codes its case numbers carry, as first-run setup stores them (a desk code has no default).
  db.exec(`INSERT INTO settings (key, value) VALUES ('airportCode', '"PLM"'), ('deskCode', '"D01"')`);

  const officers: { number: string; name: string; agency: 'BP3MI' | 'IMIGRASI' }[] = [];
  const insertOfficer = db.prepare(
    "INSERT INTO officers (name, officer_number, agency, role, password_hash, created_at) VALUES (?, ?, ?, 'officer', 'bench-no-login', ?)",
  );
  for (let i = 1; i <= 40; i++) {
    const agency = i % 2 === 0 ? 'BP3MI' : 'IMIGRASI';
    const officer = { number: `${agency === 'BP3MI' ? 'BP3MI' : 'IMI'}-${String(i).padStart(4, '0')}`, name: `${pick(random, GIVEN_NAMES)} ${pick(random, FAMILY_NAMES)}`, agency } as const;
    officers.push(officer);
    insertOfficer.run(officer.name, officer.number, officer.agency, new Date(windowStart).toISOString());
  }

  const insertCase = db.prepare(`INSERT INTO cases (id, case_number, device_id, desk_name, opened_at, opened_by, opened_by_name, source, mrz,
    mrz_valid, document_code, document_number, issuing_state, nationality, primary_name, secondary_name, name_key, birth_date, sex,
    expiry_date, flight, travel_date, destination_airport, destination_country, checklist_version, answers, risk, status, decision,
    reasons, legal_ground, note, decided_at, decided_by, decided_by_name, decided_by_agency, countersigned_by, countersigned_by_name,
    countersigned_at, contact_phone, contact_address, contact_consent, origin_province, origin_regency)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'P', ?, 'IDN', 'IDN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'decided', ?, ?, ?, ?, ?, ?, ?, ?,
    NULL, NULL, NULL, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(
    'INSERT INTO events (id, device_id, device_seq, type, case_id, officer_number, at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertCurrentEvent = db.prepare(
    'INSERT INTO events (id, device_id, device_seq, type, schema_version, case_id, officer_number, at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  /**
   * One event of today's version. The row written beside it must be the one the projector builds from these
   * events: bench:integrity rebuilds every case and reports any difference, which is how this is checked.
   */
  const recordEvent = (deskIndex: number, type: EventType, caseId: string, officerNumber: string, at: string, payload: unknown): void => {
    insertCurrentEvent.run(randomUUID(), deviceIds[deskIndex]!, ++deviceSeq[deskIndex]!, type, EVENT_CATALOGUE[type].current, caseId, officerNumber, at, JSON.stringify(payload));
  };
  const insertAudit = db.prepare('INSERT INTO audit_log (seq, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');

  const deviceSeq = DESKS.map(() => 0);
  const dayCounters = new Map<string, number>();
  let auditSeq = 0;
  let prevHash = '0'.repeat(64);
  // Same chain as AuditLog.append, so AuditLog.verify() passes on the generated file.
  const audit = (at: string, actor: string, action: string, detail: Record<string, unknown>): void => {
    const seq = ++auditSeq;
    const detailJson = JSON.stringify(detail);
    const hash = sha256(JSON.stringify([prevHash, seq, at, actor, action, detailJson]));
    insertAudit.run(seq, at, actor, action, detailJson, prevHash, hash);
    prevHash = hash;
  };
  const legalFor = (outcome: string) => LEGAL_GROUNDS.filter((g) => g.outcomes.includes(outcome as never));
  const checklistVersion = DEFAULT_CHECKLIST.version;
  // Origins draw from their own stream, so the rest of the generated data stays as it was before they existed.
  const originRandom = rng(20261204 ^ cases);

  const writeCase = (i: number): void => {
    const openedMs = times[i]!;
    const traveller = travellers[owner[i]!]!;
    const document = openedMs >= traveller.renewedAt ? traveller.documents[1]! : traveller.documents[0]!;
    const deskIndex = DESKS.indexOf(weighted(random, DESKS));
    const desk = DESKS[deskIndex]!;
    const deviceId = deviceIds[deskIndex]!;
    const opened = new Date(openedMs);
    const prefix = `PLM-${desk.code}-${localDateStamp(opened)}-`;
    const counter = (dayCounters.get(prefix) ?? 0) + 1;
    dayCounters.set(prefix, counter);
    const caseNumber = `${prefix}${String(counter).padStart(4, '0')}`;
    const profile = weighted(random, profiles);
    const officer = pick(random, officers);
    const openedAt = opened.toISOString();
    const decidedAt = new Date(openedMs + (3 + random() * 22) * 60_000).toISOString();
    const mrz = generateMrz('TD3', {
      documentCode: 'P', issuingState: 'IDN', nationality: 'IDN', primaryIdentifier: traveller.primary,
      secondaryIdentifier: traveller.secondary, documentNumber: document.number, birthDate: traveller.birthDate,
      sex: traveller.sex, expiryDate: document.expiry,
    });
    const source = random() < 0.7 ? 'reader' : random() < 0.67 ? 'camera' : 'manual';
    const outcome = profile.held ? pick(random, profile.outcomes) : 'clear';
    const reasons = profile.held ? profile.reasonCodes.filter(() => random() < 0.5).slice(0, 3) : [];
    if (profile.held && reasons.length === 0) reasons.push(profile.reasonCodes[0] ?? 'OTHER');
    const ground = profile.held ? pick(random, legalFor(outcome)).code : null;
    const note = profile.held ? 'Penumpang diserahkan untuk klarifikasi lanjutan; keterangan tidak sesuai dokumen kerja.' : '';
    // Officers ask consent for contact details mostly when a case is handed on.
    const consent = profile.held ? (random() < 0.6 ? 1 : 0) : null;
    const phone = consent === 1 ? `08${String(Math.floor(random() * 1e10)).padStart(10, '0')}` : null;
    const address = consent === 1 ? 'Jl. Sudirman No. 12, Palembang' : null;
    const id = randomUUID();
    const flight = pick(random, profile.flights);
    const origin = profile.held ? heldOrigin(originRandom) : null;
    insertCase.run(
      id, caseNumber, deviceId, desk.name, openedAt, officer.number, officer.name, source, mrz.join('\n'),
      document.number, traveller.primary, traveller.secondary, nameKey(traveller.primary, traveller.secondary),
      traveller.birthDate, traveller.sex, document.expiry, flight, openedAt.slice(0, 10), profile.airport, profile.country,
      checklistVersion, profile.answersJson, profile.riskJson, outcome, JSON.stringify(reasons), ground, note, decidedAt,
      officer.number, officer.name, officer.agency, phone, address, consent, origin?.provinceCode ?? null, origin?.code ?? null,
    );
    if (options.rebuildable) {
      const { risk } = profile;
      recordEvent(deskIndex, 'case.opened', id, officer.number, openedAt, {
        caseNumber, deskName: desk.name, openedByName: officer.name, source, mrz, mrzValid: true, documentCode: 'P', issuingState: 'IDN',
        nationality: 'IDN', documentNumber: document.number, primaryName: traveller.primary, secondaryName: traveller.secondary, birthDate: traveller.birthDate,
        sex: traveller.sex, expiryDate: document.expiry, checklistVersion, risk,
      });
      recordEvent(deskIndex, 'case.travel_recorded', id, officer.number, openedAt, {
        flight, travelDate: openedAt.slice(0, 10), destinationAirport: profile.airport, destinationCountry: profile.country, risk,
      });
      recordEvent(deskIndex, 'case.answers_recorded', id, officer.number, openedAt, { answers: profile.storedAnswers, risk });
      recordEvent(deskIndex, 'case.decided', id, officer.number, decidedAt, {
        outcome, status: 'decided', reasons, legalGround: ground, note, officerName: officer.name, agency: officer.agency,
        contact: consent === null ? null : { phone, address, consent: consent === 1 }, risk,
      });
      if (origin) recordEvent(deskIndex, 'case.origin_recorded', id, officer.number, decidedAt, { provinceCode: origin.provinceCode, regencyCode: origin.code });
    } else {
      insertEvent.run(randomUUID(), deviceId, ++deviceSeq[deskIndex]!, 'case.opened', id, officer.number, openedAt,
        JSON.stringify({ caseNumber, source, mrz, checklistVersion }));
      insertEvent.run(randomUUID(), deviceId, ++deviceSeq[deskIndex]!, 'case.decided', id, officer.number, decidedAt,
        JSON.stringify({ outcome, reasons, legalGround: ground, note, riskLevel: profile.riskLevel, suggestedOutcome: profile.suggestedOutcome, contactConsent: consent }));
    }
    audit(openedAt, officer.number, 'case.opened', { caseId: id, caseNumber });
    audit(decidedAt, officer.number, 'case.decided', { caseId: id, caseNumber });
  };

  const BATCH = 25_000;
  for (let from = 0; from < cases; from += BATCH) {
    db.transaction(() => {
      for (let i = from; i < Math.min(cases, from + BATCH); i++) writeCase(i);
    })();
    const done = Math.min(cases, from + BATCH);
    if (done % 200_000 === 0 || done === cases) log(`  generated ${done.toLocaleString('en-US')} cases (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  closeCheckpointed(db);
  if (existsSync(file)) rmSync(file);
  renameSync(partial, file);
  return { ms: performance.now() - started, travellers: travellerCount };
}

/** Closes after folding the WAL into the main file, so the file alone is the database (and can be copied). */
export function closeCheckpointed(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

// The travellers the Palembang desk sees, run through the checklist in use (2026.6) with the shipped country rules: for
// each, the level, the suggested route, whether the full interview opens, and the reasons that must (not) be raised.
// The first six are the table of issue #18; the rest are typical and adversarial answer sets around them. 2026.3 and
// 2026.4 judge every one of them alike, except those 2026.5's work signal catches; 2026.5 judges them as 2026.6 does,
// except those with documents seen held, answers not matching the documents, or earlier trouble abroad.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COUNTRY_RULES,
  evaluateRisk,
  missingRequired,
  shippedChecklist,
  visibleWithAnswers,
  type Answers,
  type Checklist,
  type Outcome,
  type RiskContext,
  type RiskLevel,
} from '../../../shared/checklist';
import { CALM_FULL_INTERVIEW, CLEAR_TOURIST_TRIAGE } from '../../fixtures/triage-answers';

const V6 = shippedChecklist('2026.6') as Checklist;
const V5 = shippedChecklist('2026.5') as Checklist;
const V4 = shippedChecklist('2026.4') as Checklist;
const V3 = shippedChecklist('2026.3') as Checklist;
const V2 = shippedChecklist('2026.2') as Checklist;
const V1 = shippedChecklist('2026.1') as Checklist;

/** The ticket out of PLM lands in one of these; the country is what the boarding pass gives the case. */
const KUL = 'MYS';
const SIN = 'SGP';
const JED = 'SAU';

type Traveller = {
  name: string;
  answers: Answers;
  /** The ticket's destination country and the facts from the case. */
  ticket: string;
  age?: number;
  earlierHolds?: number;
  watchListHits?: number;
  level: RiskLevel;
  outcome: Outcome;
  full: boolean;
  raises?: string[];
  never?: string[];
};

// The triage of an ordinary tourist: every answer one key.
const tourist: Answers = CLEAR_TOURIST_TRIAGE;
// The private part of a full interview where nothing comes up.
const calmPrivate: Answers = CALM_FULL_INTERVIEW;
// A lawful worker's triage: verified ID PMI, licensed route.
const verifiedWorker: Answers = {
  purpose: 'work',
  id_pmi: 'verified',
  id_pmi_number: 'PMI-2026-0001234',
  final_destination: 'flight_country',
  arranged_by: 'employer_or_p3mi',
  stay_meet: 'employer',
  officer_observation: ['none'],
};
const workerPrivate: Answers = {
  private_setting: 'separated',
  travel_companions: 'alone',
  earlier_trouble: false,
  job_type: 'factory',
  job_found_via: 'p3mi',
  visa_type: 'work',
  has_contract: true,
  family_consent: true,
  monthly_pay_idr: 8_000_000,
  documents_holder: 'self',
  debt: 'none',
  address_known: true,
};

const TRAVELLERS: Traveller[] = [
  // ── The table of issue #18 ──
  {
    name: 'tourist to Thailand, return ticket, with friends, first leg to KUL',
    answers: { ...tourist, final_destination: 'onward_ticketed', destination_country: 'THA', onward_airports: ['BKK'] },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['DESTINATION_MISMATCH'],
  },
  {
    name: 'licensed umrah group, umrah visa, transiting KUL',
    answers: { ...tourist, purpose: 'umrah_hajj', final_destination: 'onward_ticketed', destination_country: 'SAU', onward_airports: ['JED'], arranged_by: 'travel_agency', stay_meet: 'organiser' },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['DESTINATION_MISMATCH', 'UMRAH_VISA_OUTSIDE_SAUDI', 'UMRAH_OTHER_PLACES'],
  },
  {
    name: 'Korea government-to-government factory worker, all documents, placement loan',
    answers: { ...verifiedWorker, final_destination: 'onward_ticketed', destination_country: 'KOR', onward_airports: ['ICN'], arranged_by: 'government', ...workerPrivate, debt: 'bank_or_family', monthly_pay_idr: 28_000_000, job_found_via: 'government' },
    ticket: SIN,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['PAY_TOO_HIGH', 'DEBT_BONDAGE', 'NO_ID_PMI'],
  },
  {
    name: "procedural worker to Malaysia whose licensed agency's escort holds the passports",
    answers: { ...verifiedWorker, officer_observation: ['documents_by_other'], ...workerPrivate, job_type: 'plantation', documents_holder: 'agency_escort' },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: true,
    raises: ['ESCORT_HELD_DOCUMENTS'],
    never: ['DOCUMENTS_HELD_BY_OTHER', 'SUSPECTED_TPPO'],
  },
  {
    name: 'coached scam victim: "tourism", Malaysia, return ticket, alone; a contact paid, someone unknown meets her',
    answers: { ...tourist, arranged_by: 'third_party', stay_meet: 'unknown', ...calmPrivate, address_known: false, money_for_stay: false },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['THIRD_PARTY_PAID', 'MET_BY_UNKNOWN'],
  },
  {
    name: 'the same, officer ticks fearful + someone else answers (private part not yet asked)',
    answers: { ...tourist, arranged_by: 'third_party', stay_meet: 'unknown', officer_observation: ['fearful', 'answered_by_other'] },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['SUSPECTED_TPPO', 'OBSERVED_FEAR', 'ANSWERED_BY_OTHER'],
  },
  // ── Pilgrims ──
  {
    name: 'umrah group flying straight to Jeddah',
    answers: { ...tourist, purpose: 'umrah_hajj', arranged_by: 'travel_agency', stay_meet: 'organiser' },
    ticket: JED,
    level: 'low',
    outcome: 'clear',
    full: false,
  },
  {
    name: "umrah pilgrim whose tour leader holds the group's passports",
    answers: { ...tourist, purpose: 'umrah_hajj', arranged_by: 'travel_agency', stay_meet: 'organiser', officer_observation: ['documents_by_other'], ...calmPrivate, travel_companions: 'tour_group', documents_holder: 'organiser', stay_days: 12, travel_agency: 'PT Amanah Umrah' },
    ticket: JED,
    level: 'low',
    outcome: 'clear',
    full: true,
    never: ['DOCUMENTS_HELD_BY_OTHER', 'SUSPECTED_TPPO'],
  },
  {
    name: 'hajj pilgrim via KUL for 40 days, also visiting Madinah and Taif',
    answers: { ...tourist, purpose: 'umrah_hajj', final_destination: 'onward_ticketed', destination_country: 'SAU', onward_airports: ['JED'], arranged_by: 'travel_agency', stay_meet: 'organiser', destination_city: 'Makkah, Madinah, Taif' },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
  },
  {
    name: '"pilgrim" on an umrah visa who will stay on as a maid for a private employer, sponsor paid, coached',
    answers: {
      ...tourist,
      purpose: 'umrah_hajj',
      arranged_by: 'third_party',
      officer_observation: ['coached'],
      ...calmPrivate,
      work_intent: true,
      job_type: 'domestic',
      job_found_via: 'sponsor',
      visa_type: 'umrah',
      has_contract: false,
      family_consent: false,
    },
    ticket: JED,
    level: 'high',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['MORATORIUM_COUNTRY', 'UNDECLARED_WORK', 'WORK_ON_NON_WORK_VISA', 'NO_ID_PMI'],
  },
  {
    name: 'umrah pilgrim with a one-way ticket who stays 90 days "with family"',
    answers: { ...tourist, purpose: 'umrah_hajj', return_ticket: false, return_history: 'no_return_no_trouble', arranged_by: 'travel_agency', stay_meet: 'organiser', ...calmPrivate, stay_days: 90 },
    ticket: JED,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['ONE_WAY_TICKET', 'LONG_STAY'],
    never: ['UNDECLARED_WORK'],
  },
  // ── Lawful workers by route ──
  {
    name: 'Korea EPS worker through G to G, verified ID PMI, nothing else asked',
    answers: { ...verifiedWorker, final_destination: 'onward_ticketed', destination_country: 'KOR', onward_airports: ['ICN'], arranged_by: 'government' },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
  },
  {
    name: 'Japan caregiver through a licensed agency, via SIN',
    answers: { ...verifiedWorker, final_destination: 'onward_ticketed', destination_country: 'JPN', onward_airports: ['NRT'] },
    ticket: SIN,
    level: 'low',
    outcome: 'clear',
    full: false,
  },
  {
    name: 'Taiwan factory worker through a P3MI, ID PMI not checkable (network down), Rp 16 million pay, bank loan',
    answers: { ...verifiedWorker, id_pmi: 'not_verified', final_destination: 'onward_ticketed', destination_country: 'TWN', onward_airports: ['TPE'], ...workerPrivate, monthly_pay_idr: 16_000_000, debt: 'bank_or_family' },
    ticket: SIN,
    level: 'low',
    outcome: 'clear',
    full: true,
    raises: ['ID_PMI_UNVERIFIED'],
    never: ['PAY_TOO_HIGH', 'DEBT_BONDAGE'],
  },
  {
    name: 'Hong Kong domestic worker through a P3MI with a verified ID PMI',
    answers: { ...verifiedWorker, final_destination: 'onward_ticketed', destination_country: 'HKG', onward_airports: ['HKG'] },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
  },
  {
    name: 'Saudi domestic worker placed through the one-channel scheme (SPSK), verified ID PMI',
    answers: { ...verifiedWorker },
    ticket: JED,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['MORATORIUM_COUNTRY'],
  },
  {
    name: 'worker with a verified ID PMI to a country missing from the partial placement list (Australia)',
    answers: { ...verifiedWorker, final_destination: 'onward_ticketed', destination_country: 'AUS', onward_airports: ['SYD'], ...workerPrivate },
    ticket: SIN,
    level: 'low',
    outcome: 'clear',
    full: true,
    raises: ['PLACEMENT_UNCONFIRMED'],
    never: ['NOT_PLACEMENT_COUNTRY'],
  },
  {
    name: 'escorted workers where the escort also answers for them: not police, but a private talk with BP3MI',
    answers: { ...verifiedWorker, officer_observation: ['documents_by_other', 'answered_by_other'], ...workerPrivate, documents_holder: 'agency_escort' },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    never: ['SUSPECTED_TPPO'],
  },
  // ── Non-procedural workers ──
  {
    name: 'plantation worker to Malaysia without ID PMI, sent by a sponsor, visa-free entry',
    answers: { ...verifiedWorker, id_pmi: 'none', arranged_by: 'third_party', ...workerPrivate, job_type: 'plantation', job_found_via: 'sponsor', visa_type: 'visa_free', has_contract: false },
    ticket: KUL,
    level: 'high',
    outcome: 'tunda',
    full: true,
    raises: ['NO_ID_PMI', 'WORK_ON_NON_WORK_VISA', 'UNOFFICIAL_RECRUITER'],
  },
  {
    name: 'UAE maid through an agency whose ID PMI cannot be checked',
    answers: { ...verifiedWorker, id_pmi: 'not_verified', final_destination: 'onward_ticketed', destination_country: 'ARE', onward_airports: ['DXB'], ...workerPrivate, job_type: 'domestic' },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['MORATORIUM_COUNTRY'],
  },
  // ── Scam route ──
  {
    name: 'online "admin" job in Cambodia found on Facebook, overland from KUL, Rp 20 million',
    answers: {
      ...verifiedWorker,
      id_pmi: 'none',
      final_destination: 'onward_unticketed',
      destination_country: 'KHM',
      arranged_by: 'third_party',
      stay_meet: 'unknown',
      ...workerPrivate,
      job_type: 'online_admin',
      job_found_via: 'social_media',
      visa_type: 'visa_free',
      monthly_pay_idr: 20_000_000,
    },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['SCAM_ROUTE', 'NOT_PLACEMENT_COUNTRY', 'ONWARD_UNTICKETED'],
  },
  {
    name: 'online customer-service job in Cambodia at a modest Rp 6 million: the route counts, whatever the pay',
    answers: { ...verifiedWorker, id_pmi: 'none', final_destination: 'onward_ticketed', destination_country: 'KHM', onward_airports: ['PNH'], ...workerPrivate, job_type: 'online_admin', job_found_via: 'direct_employer', monthly_pay_idr: 6_000_000 },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['SCAM_ROUTE'],
    never: ['PAY_TOO_HIGH'],
  },
  {
    name: '"tourist" to Bangkok who admits in private a job offer from a chat group',
    answers: { ...tourist, final_destination: 'onward_ticketed', destination_country: 'THA', onward_airports: ['BKK'], arranged_by: 'third_party', ...calmPrivate, work_intent: true, job_type: 'other', job_found_via: 'social_media', visa_type: 'visa_free', has_contract: false, family_consent: true },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['SCAM_ROUTE', 'UNDECLARED_WORK'],
  },
  {
    name: 'tourist to Angkor Wat with family: full interview for the destination, then cleared',
    answers: { ...tourist, final_destination: 'onward_ticketed', destination_country: 'KHM', onward_airports: ['PNH'], ...calmPrivate, travel_companions: 'family', stay_days: 5 },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: true,
    never: ['NOT_PLACEMENT_COUNTRY', 'SCAM_ROUTE'],
  },
  {
    name: '"tourist" heading from KUL to Cambodia with no onward ticket, trip paid by a contact',
    answers: { ...tourist, final_destination: 'onward_unticketed', destination_country: 'KHM', arranged_by: 'third_party', ...calmPrivate },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['ONWARD_UNTICKETED', 'THIRD_PARTY_PAID'],
  },
  // ── Coached victims ──
  {
    name: 'a perfectly coached victim with nothing observed cannot be told from a tourist by answers alone',
    answers: { ...tourist },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
  },
  {
    name: 'coached answers and no concrete plans: a private talk with BP3MI, not a routine check',
    answers: { ...tourist, purpose: 'unclear', officer_observation: ['coached'], ...calmPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['COACHED', 'VAGUE_PURPOSE'],
  },
  {
    name: 'someone answers for her and a stranger held her passport',
    answers: { ...tourist, officer_observation: ['answered_by_other'], ...calmPrivate, documents_holder: 'other_person' },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['SUSPECTED_TPPO', 'DOCUMENTS_HELD_BY_OTHER'],
  },
  {
    name: 'the companion will not leave for the private questions',
    answers: { ...tourist, officer_observation: ['answered_by_other'], private_setting: 'refused' },
    ticket: SIN,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['COMPANION_REFUSED', 'SUSPECTED_TPPO'],
  },
  {
    name: 'visible injuries on an otherwise ordinary tourist',
    answers: { ...tourist, officer_observation: ['injuries'], ...calmPrivate },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['VISIBLE_INJURIES'],
  },
  {
    name: 'fearful alone, nothing else: a private talk, not the police',
    answers: { ...tourist, officer_observation: ['fearful'], ...calmPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    never: ['SUSPECTED_TPPO'],
  },
  {
    name: 'debt to the recruiter, deducted from pay, group of strangers',
    answers: { ...tourist, purpose: 'other', arranged_by: 'third_party', ...calmPrivate, travel_companions: 'group_strangers', debt: 'recruiter_employer' },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['DEBT_BONDAGE', 'GROUP_OF_STRANGERS'],
  },
  // ── Students ──
  {
    name: 'scholarship student to a Malaysian university, one-way ticket',
    answers: { ...tourist, purpose: 'study', return_ticket: false, return_history: 'no_return_no_trouble', arranged_by: 'government', stay_meet: 'organiser' },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['ONE_WAY_TICKET'],
  },
  {
    name: '"internship" student recruited online into factory work on a student visa, owing the recruiter',
    answers: {
      ...tourist,
      purpose: 'study',
      final_destination: 'onward_ticketed',
      destination_country: 'JPN',
      onward_airports: ['NRT'],
      arranged_by: 'third_party',
      ...calmPrivate,
      work_intent: true,
      job_type: 'factory',
      job_found_via: 'social_media',
      visa_type: 'student',
      has_contract: false,
      family_consent: true,
      debt: 'recruiter_employer',
    },
    ticket: SIN,
    level: 'high',
    outcome: 'tunda',
    full: true,
    raises: ['UNDECLARED_WORK', 'WORK_ON_NON_WORK_VISA', 'DEBT_BONDAGE', 'JOB_VIA_SOCIAL_MEDIA'],
  },
  // ── Family visits, business, minors, history ──
  {
    name: 'visiting a sister in Johor for two months, family paid',
    answers: { ...tourist, purpose: 'family_visit', stay_meet: 'family_friend' },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
  },
  {
    name: 'family visit on a one-way ticket: full interview, one minor sign, cleared',
    answers: { ...tourist, purpose: 'family_visit', return_ticket: false, return_history: 'no_return_no_trouble', stay_meet: 'family_friend', ...calmPrivate, travel_companions: 'family', stay_days: 60 },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: true,
    raises: ['ONE_WAY_TICKET'],
  },
  {
    name: 'business trip to Singapore paid by the employer',
    answers: { ...tourist, purpose: 'business', arranged_by: 'employer_or_p3mi', stay_meet: 'own_arrangement' },
    ticket: SIN,
    level: 'low',
    outcome: 'clear',
    full: false,
  },
  {
    name: 'a 15-year-old on holiday with her parents',
    answers: { ...tourist, ...calmPrivate, travel_companions: 'family' },
    ticket: KUL,
    age: 15,
    level: 'low',
    outcome: 'clear',
    full: true,
  },
  {
    name: 'a 16-year-old going to work in Malaysia',
    answers: { ...verifiedWorker, id_pmi: 'none', arranged_by: 'third_party', ...workerPrivate, job_type: 'hospitality', job_found_via: 'family_friend', visa_type: 'visa_free' },
    ticket: KUL,
    age: 16,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['MINOR_WORKER'],
  },
  {
    name: 'a 17-year-old "tourist" alone, trip paid by an online contact',
    answers: { ...tourist, arranged_by: 'third_party', ...calmPrivate },
    ticket: KUL,
    age: 17,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['MINOR_UNACCOMPANIED', 'THIRD_PARTY_PAID'],
  },
  {
    name: 'tourist held at a desk last month, now with a calm story: routine Imigrasi check',
    answers: { ...tourist, ...calmPrivate },
    ticket: KUL,
    earlierHolds: 1,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['EARLIER_HOLD'],
  },
  {
    name: 'watch-list hit on the meeter’s phone number',
    answers: { ...tourist, ...calmPrivate },
    ticket: KUL,
    watchListHits: 1,
    level: 'high',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['WATCH_LIST'],
  },
  {
    name: 'tourist without a return ticket who overstayed in Malaysia before',
    answers: { ...tourist, return_ticket: false, return_history: 'no_return_no_trouble', ...calmPrivate, earlier_trouble: true, stay_days: 20 },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['ONE_WAY_TICKET', 'EARLIER_OVERSTAY'],
  },
  // ── The onward tickets compared with the final destination (typed, or read from boarding passes) ──
  {
    name: 'tourist to Thailand whose onward tickets land in KUL, then BKK: KUL is a transit',
    answers: { ...tourist, final_destination: 'onward_ticketed', destination_country: 'THA', onward_airports: ['KUL', 'BKK'] },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['DESTINATION_MISMATCH'],
  },
  {
    name: 'umrah pilgrim whose tickets go KUL, then JED',
    answers: { ...tourist, purpose: 'umrah_hajj', final_destination: 'onward_ticketed', destination_country: 'SAU', onward_airports: ['KUL', 'JED'], arranged_by: 'travel_agency', stay_meet: 'organiser' },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['DESTINATION_MISMATCH'],
  },
  {
    name: 'coached "tourist" who says Thailand, but whose onward boarding pass ends in Phnom Penh',
    answers: { ...tourist, final_destination: 'onward_ticketed', destination_country: 'THA', onward_airports: ['KUL', 'PNH'] },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['DESTINATION_MISMATCH', 'ONWARD_TO_ROUTE_COUNTRY'],
  },
  // ── The country the onward tickets end in, judged by the same lists as the declared one ──
  {
    name: 'tourist to Malaysia whose onward ticket ends in Bangkok: a mismatch, Thailand is no trafficking-route country',
    answers: { ...tourist, final_destination: 'onward_ticketed', destination_country: 'MYS', onward_airports: ['KUL', 'BKK'] },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['DESTINATION_MISMATCH'],
    never: ['ONWARD_TO_ROUTE_COUNTRY', 'SCAM_ROUTE'],
  },
  {
    name: 'tourist to Cambodia whose onward ticket ends in Bangkok: the declared route country opens the interview, the ticket adds no route flag',
    answers: { ...tourist, final_destination: 'onward_ticketed', destination_country: 'KHM', onward_airports: ['BKK'], ...calmPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['DESTINATION_MISMATCH'],
    never: ['ONWARD_TO_ROUTE_COUNTRY'],
  },
  {
    name: 'worker with a verified ID PMI who says Malaysia, but whose onward ticket ends in Phnom Penh',
    answers: { ...verifiedWorker, final_destination: 'onward_ticketed', destination_country: 'MYS', onward_airports: ['KUL', 'PNH'], ...workerPrivate },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['NOT_PLACEMENT_COUNTRY', 'DESTINATION_MISMATCH', 'ONWARD_TO_ROUTE_COUNTRY'],
  },
  {
    name: 'online admin job found on social media, declared Singapore, onward ticket ends in Phnom Penh',
    answers: { ...verifiedWorker, id_pmi: 'none', final_destination: 'onward_ticketed', destination_country: 'SGP', onward_airports: ['SIN', 'PNH'], ...workerPrivate, job_type: 'online_admin', job_found_via: 'social_media', monthly_pay_idr: 7_000_000 },
    ticket: SIN,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['SCAM_ROUTE', 'NOT_PLACEMENT_COUNTRY', 'ONWARD_TO_ROUTE_COUNTRY'],
  },
  {
    name: 'umrah pilgrim whose onward ticket ends in Yangon: judged by Myanmar, not by the Saudi destination declared',
    answers: { ...tourist, purpose: 'umrah_hajj', final_destination: 'onward_ticketed', destination_country: 'SAU', onward_airports: ['KUL', 'RGN'], arranged_by: 'travel_agency', stay_meet: 'organiser' },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['DESTINATION_MISMATCH', 'ONWARD_TO_ROUTE_COUNTRY'],
  },
  {
    name: 'an onward airport the desk does not know is not taken for a mismatch',
    answers: { ...tourist, final_destination: 'onward_ticketed', destination_country: 'THA', onward_airports: ['KUL', 'QQQ'] },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['DESTINATION_MISMATCH'],
  },
  {
    name: 'tourist to Japan via SIN: the Singapore ticket is a transit, not a mismatch',
    answers: { ...tourist, final_destination: 'onward_ticketed', destination_country: 'JPN', onward_airports: ['NRT'] },
    ticket: SIN,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['DESTINATION_MISMATCH'],
  },
  // ── Adversarial: observations against papers, minors, the work signal (2026.5) ──
  {
    name: 'someone answers for her and a stranger is seen holding her passport, private part not yet asked',
    answers: { ...tourist, officer_observation: ['answered_by_other', 'documents_by_other'] },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['SUSPECTED_TPPO', 'ANSWERED_BY_OTHER', 'DOCUMENTS_SEEN_HELD'],
  },
  {
    name: 'fearful, and in private she says a stranger held her passport: high, to BP3MI',
    answers: { ...tourist, officer_observation: ['fearful'], ...calmPrivate, documents_holder: 'other_person' },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['OBSERVED_FEAR', 'DOCUMENTS_HELD_BY_OTHER'],
  },
  {
    name: 'a 17-year-old with a "verified" ID PMI: the card never clears a minor',
    answers: { ...verifiedWorker },
    ticket: KUL,
    age: 17,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['MINOR_WORKER'],
  },
  {
    name: 'a worker with a verified ID PMI whom someone answers for, fearful: the card does not outweigh what the officer sees',
    answers: { ...verifiedWorker, officer_observation: ['fearful', 'answered_by_other'] },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['SUSPECTED_TPPO'],
  },
  {
    name: 'a "verified" ID PMI for Cambodia, a country no placement is made to',
    answers: { ...verifiedWorker, final_destination: 'onward_ticketed', destination_country: 'KHM', onward_airports: ['PNH'], ...workerPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['NOT_PLACEMENT_COUNTRY'],
  },
  {
    name: 'umrah pilgrim who appears afraid while the tour leader holds the passports: a private talk, no control flag',
    answers: { ...tourist, purpose: 'umrah_hajj', arranged_by: 'travel_agency', stay_meet: 'organiser', officer_observation: ['fearful'], ...calmPrivate, travel_companions: 'tour_group', documents_holder: 'organiser', travel_agency: 'PT Amanah Umrah' },
    ticket: JED,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['OBSERVED_FEAR'],
    never: ['DOCUMENTS_HELD_BY_OTHER', 'SUSPECTED_TPPO'],
  },
  {
    name: 'visible injuries seen at the triage, nothing asked yet',
    answers: { ...tourist, officer_observation: ['injuries'] },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['VISIBLE_INJURIES'],
  },
  {
    name: 'a 12-year-old travelling alone',
    answers: { ...tourist, ...calmPrivate },
    ticket: KUL,
    age: 12,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['MINOR_UNACCOMPANIED'],
  },
  {
    name: 'a 14-year-old with her family, her father answering for her: a private talk, not the police',
    answers: { ...tourist, officer_observation: ['answered_by_other'], ...calmPrivate, travel_companions: 'family', documents_holder: 'family_companion' },
    ticket: KUL,
    age: 14,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    never: ['SUSPECTED_TPPO', 'MINOR_UNACCOMPANIED'],
  },
  {
    name: '"tourist" to Myanmar through Singapore with no onward ticket',
    answers: { ...tourist, final_destination: 'onward_unticketed', destination_country: 'MMR', ...calmPrivate },
    ticket: SIN,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['ONWARD_UNTICKETED'],
  },
  {
    name: 'coached answers, and the companion will not step away',
    answers: { ...tourist, officer_observation: ['coached'], private_setting: 'refused' },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['COACHED', 'COMPANION_REFUSED'],
  },
  {
    // The triage's answer is 'returning, no trouble abroad' (tourist); the private answer admits a deportation.
    name: 'coached victim who says no earlier trouble in the triage and admits a deportation in private',
    answers: { ...tourist, officer_observation: ['coached'], ...calmPrivate, earlier_trouble: true },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['COACHED', 'EARLIER_OVERSTAY'],
  },
  {
    name: 'tourist met at the destination by an employer, who denies work in private: BP3MI asks, not a routine check',
    answers: { ...tourist, stay_meet: 'employer', ...calmPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['WORK_SIGNAL'],
    never: ['UNDECLARED_WORK'],
  },
  {
    name: 'umrah "pilgrim" whose trip a placement agency arranged, who says in private she will work as a maid',
    answers: {
      ...tourist,
      purpose: 'umrah_hajj',
      arranged_by: 'employer_or_p3mi',
      stay_meet: 'organiser',
      ...calmPrivate,
      work_intent: true,
      job_type: 'domestic',
      job_found_via: 'p3mi',
      visa_type: 'umrah',
      has_contract: true,
      family_consent: true,
      monthly_pay_idr: 6_000_000,
      travel_agency: 'PT Contoh',
    },
    ticket: JED,
    level: 'high',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['WORK_SIGNAL', 'UNDECLARED_WORK', 'WORK_ON_NON_WORK_VISA', 'MORATORIUM_COUNTRY'],
  },
  {
    name: '"internship" student whose trip a placement agency arranged, factory work on a student visa',
    answers: {
      ...tourist,
      purpose: 'study',
      return_ticket: false, return_history: 'no_return_no_trouble',
      final_destination: 'onward_ticketed',
      destination_country: 'JPN',
      onward_airports: ['NRT'],
      arranged_by: 'employer_or_p3mi',
      ...calmPrivate,
      work_intent: true,
      job_type: 'factory',
      job_found_via: 'p3mi',
      visa_type: 'student',
      has_contract: true,
      family_consent: true,
      monthly_pay_idr: 12_000_000,
    },
    ticket: SIN,
    level: 'high',
    outcome: 'tunda',
    full: true,
    raises: ['WORK_SIGNAL', 'UNDECLARED_WORK', 'WORK_ON_NON_WORK_VISA', 'NO_ID_PMI'],
  },
  {
    name: 'family visit where an employer meets her: the work signal opens the private questions',
    answers: { ...tourist, purpose: 'family_visit', stay_meet: 'employer', ...calmPrivate, stay_days: 14 },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['WORK_SIGNAL'],
  },
  {
    name: 'business trip arranged by the employer, whose partner meets him: no work signal',
    answers: { ...tourist, purpose: 'business', arranged_by: 'employer_or_p3mi', stay_meet: 'employer' },
    ticket: SIN,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['WORK_SIGNAL'],
  },
  // ── 2026.6: what the officer sees counts on its own; earlier trouble abroad is asked in the triage ──
  {
    name: 'a stranger is seen holding her passport; in private she says she held it herself: the denial erases nothing',
    answers: { ...tourist, officer_observation: ['documents_by_other'], ...calmPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['DOCUMENTS_SEEN_HELD'],
    never: ['DOCUMENTS_HELD_BY_OTHER'],
  },
  {
    name: 'someone answers for her and is seen holding her passport; in private she denies it: control, to the police',
    answers: { ...tourist, officer_observation: ['answered_by_other', 'documents_by_other'], ...calmPrivate },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_police',
    full: true,
    raises: ['SUSPECTED_TPPO', 'ANSWERED_BY_OTHER', 'DOCUMENTS_SEEN_HELD'],
  },
  {
    name: 'passport seen in another hand; in private she says a relative travelling with her held it',
    answers: { ...tourist, officer_observation: ['documents_by_other'], ...calmPrivate, travel_companions: 'family', documents_holder: 'family_companion' },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['DOCUMENTS_SEEN_HELD'],
  },
  {
    name: 'passport seen in another hand; she says the tour organiser held it, but a sponsor arranged and paid the trip',
    answers: { ...tourist, arranged_by: 'third_party', officer_observation: ['documents_by_other'], ...calmPrivate, documents_holder: 'organiser' },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['DOCUMENTS_SEEN_HELD', 'THIRD_PARTY_PAID'],
  },
  {
    name: "worker whose passport is seen in an escort's hands, the ID PMI not checkable now: the escort explains nothing unchecked",
    answers: { ...verifiedWorker, id_pmi: 'not_verified', officer_observation: ['documents_by_other'], ...workerPrivate, documents_holder: 'agency_escort' },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['DOCUMENTS_SEEN_HELD', 'ESCORT_HELD_DOCUMENTS', 'ID_PMI_UNVERIFIED'],
  },
  {
    name: 'answers that do not match the documents, nothing more found in private: never a suggestion to clear',
    answers: { ...tourist, officer_observation: ['inconsistent'], ...calmPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['INCONSISTENT'],
  },
  {
    name: 'coached victim: "tourism", Malaysia, return ticket, alone; the officer sees coached answers, she denies everything in private',
    answers: { ...tourist, officer_observation: ['coached'], ...calmPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['COACHED'],
  },
  {
    name: 'coached victim, fearful, her passport seen in a stranger\'s hand; she denies it all in private: high, to BP3MI',
    answers: { ...tourist, officer_observation: ['coached', 'fearful', 'documents_by_other'], ...calmPrivate },
    ticket: KUL,
    level: 'high',
    outcome: 'refer_bp3mi',
    full: true,
    raises: ['COACHED', 'OBSERVED_FEAR', 'DOCUMENTS_SEEN_HELD'],
    never: ['DOCUMENTS_HELD_BY_OTHER'],
  },
  {
    name: 'tourist who overstayed in Malaysia before, return ticket: the triage asks, the full interview opens',
    answers: { ...tourist, return_history: 'return_earlier_trouble', ...calmPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['EARLIER_OVERSTAY'],
  },
  {
    name: 'tourist who said earlier trouble in the triage and denies it in private: it still counts',
    answers: { ...tourist, return_history: 'return_earlier_trouble', ...calmPrivate, earlier_trouble: false },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['EARLIER_OVERSTAY'],
  },
  {
    name: 'tourist held abroad before, no return ticket',
    answers: { ...tourist, return_ticket: false, return_history: 'no_return_earlier_trouble', ...calmPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['EARLIER_OVERSTAY', 'ONE_WAY_TICKET'],
  },
  {
    name: 'tourist never in trouble abroad: the same one key, cleared on the triage alone',
    answers: { ...tourist, return_history: 'return_no_trouble' },
    ticket: KUL,
    level: 'low',
    outcome: 'clear',
    full: false,
    never: ['EARLIER_OVERSTAY'],
  },
  {
    name: 'worker with a verified ID PMI who was deported before: asked with the ID PMI, the full interview opens',
    answers: { ...verifiedWorker, id_pmi: 'verified_earlier_trouble', ...workerPrivate },
    ticket: KUL,
    level: 'medium',
    outcome: 'refer_imigrasi',
    full: true,
    raises: ['EARLIER_OVERSTAY'],
    never: ['NO_ID_PMI', 'NO_CONTRACT'],
  },
];

function run(t: Traveller, checklist: Checklist = V6) {
  const context: RiskContext = {
    countryRules: DEFAULT_COUNTRY_RULES,
    destinationCountry: t.ticket,
    ageYears: t.age ?? 30,
    earlierHolds: t.earlierHolds ?? 0,
    watchListHits: t.watchListHits ?? 0,
  };
  return { result: evaluateRisk(checklist, t.answers, context), state: visibleWithAnswers(checklist, t.answers, context), context };
}

describe('checklist 2026.6 on typical and adversarial travellers', () => {
  it('covers at least 80 travellers', () => {
    expect(TRAVELLERS.length).toBeGreaterThanOrEqual(80);
    expect(new Set(TRAVELLERS.map((t) => t.name)).size).toBe(TRAVELLERS.length);
  });

  it.each(TRAVELLERS.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    const { result, state, context } = run(t);
    const codes = result.indicators.map((i) => i.reasonCode);
    expect({ level: result.level, outcome: result.suggestedOutcome, full: state.fullInterview, codes }).toMatchObject({
      level: t.level,
      outcome: t.outcome,
      full: t.full,
    });
    for (const code of t.raises ?? []) expect(codes, `raises ${code}`).toContain(code);
    for (const code of t.never ?? []) expect(codes, `never ${code}`).not.toContain(code);
    // A full interview without the private prompt answered has its sensitive questions still hidden.
    const ids = state.questions.map((q) => q.id);
    if (!t.full) expect(ids).not.toContain('private_setting');
    if (t.full && t.answers.private_setting === undefined) expect(ids).not.toContain('documents_holder');
    // Each set answers what it was shown, so a decision on it is possible: nothing required is left open,
    // except where the set stops mid-interview on purpose (the police cases decided on observations).
    if (t.answers.private_setting !== undefined && t.answers.private_setting !== 'refused') expect(missingRequired(V6, t.answers, context).map((q) => q.id)).toEqual([]);
  });

  it('2026.3 and 2026.4 judge every traveller as 2026.5 does, except those the work signal catches', () => {
    const caught = TRAVELLERS.filter((t) => run(t, V5).result.indicators.some((i) => i.reasonCode === 'WORK_SIGNAL'));
    expect(caught.length).toBeGreaterThanOrEqual(4);
    for (const t of TRAVELLERS.filter((x) => !caught.includes(x))) {
      const { result, state, context } = run(t, V5);
      for (const older of [V3, V4]) {
        expect(evaluateRisk(older, t.answers, context), `${older.version}: ${t.name}`).toEqual(result);
        expect(visibleWithAnswers(older, t.answers, context).fullInterview, `${older.version}: ${t.name}`).toBe(state.fullInterview);
      }
    }
    // What 2026.4 did with them: a tourist met by an employer went through on the triage alone.
    const metByEmployer = caught.find((t) => t.name.startsWith('tourist met at the destination by an employer'))!;
    const facts = run(metByEmployer).context;
    expect(evaluateRisk(V4, metByEmployer.answers, facts)).toMatchObject({ level: 'low', suggestedOutcome: 'clear' });
    expect(visibleWithAnswers(V4, metByEmployer.answers, facts).fullInterview).toBe(false);
  });

  // 2026.6 changes three things: an observation counts on its own (documents seen held weigh 3 and a denial no longer
  // cancels them; every observation is at least medium), and earlier trouble abroad is asked in the triage.
  const judged = (t: Traveller, checklist: Checklist) => {
    const { result, state } = run(t, checklist);
    return { level: result.level, score: result.score, outcome: result.suggestedOutcome, codes: result.indicators.map((i) => i.reasonCode), full: state.fullInterview };
  };
  const changedIn2026_6 = (t: Traveller) =>
    (t.answers.officer_observation as string[] | undefined)?.some((o) => o === 'documents_by_other' || o === 'inconsistent') === true ||
    (typeof t.answers.return_history === 'string' && t.answers.return_history.endsWith('earlier_trouble')) ||
    t.answers.id_pmi === 'verified_earlier_trouble';

  it('2026.5 judges every other traveller as 2026.6 does', () => {
    const others = TRAVELLERS.filter((t) => !changedIn2026_6(t));
    expect(others.length).toBeGreaterThanOrEqual(60);
    for (const t of others) expect(judged(t, V5), t.name).toEqual(judged(t, V6));
  });

  it('under 2026.5 a denial in private erased what the officer saw, and earlier trouble went unasked on the triage', () => {
    const byName = (start: string) => TRAVELLERS.find((t) => t.name.startsWith(start))!;
    expect(judged(byName('a stranger is seen holding her passport; in private she says she held it herself'), V5)).toMatchObject({ level: 'low', outcome: 'clear' });
    expect(judged(byName('someone answers for her and is seen holding her passport; in private she denies it'), V5)).toMatchObject({ level: 'medium', outcome: 'refer_bp3mi' });
    expect(judged(byName('answers that do not match the documents'), V5)).toMatchObject({ level: 'low', outcome: 'clear' });
    // 2026.5 has no triage answer for it: the same traveller cleared on the triage alone, the question never shown.
    const overstayed = byName('tourist who overstayed in Malaysia before');
    const triageOnly = Object.fromEntries(Object.entries(overstayed.answers).filter(([id]) => [V5, V6].some((c) => c.questions.find((q) => q.id === id)?.section === 'triage')));
    expect(judged({ ...overstayed, answers: triageOnly }, V5)).toMatchObject({ level: 'low', outcome: 'clear', full: false });
    expect(judged({ ...overstayed, answers: triageOnly }, V6)).toMatchObject({ level: 'medium', full: true });
  });

  it('2026.6 asks about earlier trouble abroad in the triage of every traveller, in the same number of answers as 2026.5', () => {
    const context: RiskContext = { countryRules: DEFAULT_COUNTRY_RULES, destinationCountry: KUL, ageYears: 30 };
    for (const purpose of ['tourism', 'umrah_hajj', 'family_visit', 'business', 'study', 'work', 'other', 'unclear']) {
      const answers: Answers = { purpose, ...(purpose === 'work' ? { id_pmi: 'verified' } : {}) };
      const triage = (c: Checklist) => visibleWithAnswers(c, answers, context).questions.filter((q) => q.section === 'triage');
      const asks = triage(V6).filter((q) => q.options?.some((o) => o.id.endsWith('earlier_trouble')));
      expect(asks.map((q) => q.id), purpose).toEqual([purpose === 'work' ? 'id_pmi' : 'return_history']);
      expect(triage(V6).length, purpose).toBe(triage(V5).length);
    }
  });
});

describe('checklist 2026.3 compared with 2026.1 on the issue’s table', () => {
  it('the transit at KUL was a mismatch under 2026.1 and is not under 2026.3', () => {
    const old = evaluateRisk(V1, { purpose: 'tourism', destination_country: 'THA', return_ticket: true, travel_companions: 'friends', work_intent: false }, { countryRules: DEFAULT_COUNTRY_RULES, destinationCountry: KUL, ageYears: 30 });
    expect(old.indicators.map((i) => i.reasonCode)).toContain('DESTINATION_MISMATCH');
    const first = TRAVELLERS[0] as Traveller;
    expect(run(first).result.indicators).toEqual([]);
  });

  it('the triage decides the full interview: a triage answer that triggers it opens the private prompt first', () => {
    const context: RiskContext = { countryRules: DEFAULT_COUNTRY_RULES, destinationCountry: KUL, ageYears: 30 };
    const before = visibleWithAnswers(V3, tourist, context).questions.map((q) => q.id);
    expect(before).not.toContain('private_setting');
    const after = visibleWithAnswers(V3, { ...tourist, arranged_by: 'third_party' }, context).questions;
    const firstFull = after.find((q) => q.section === 'full');
    expect(firstFull).toMatchObject({ id: 'private_setting', privacyPrompt: true });
    // The sensitive questions wait for the officer to confirm the traveller is alone.
    expect(after.map((q) => q.id)).not.toContain('debt');
  });

  it('a clear needs the triage answered: an empty triage leaves required questions open', () => {
    const context: RiskContext = { countryRules: DEFAULT_COUNTRY_RULES, destinationCountry: KUL, ageYears: 30 };
    expect(missingRequired(V3, {}, context).map((q) => q.id)).toEqual(['purpose', 'final_destination', 'return_ticket', 'arranged_by', 'stay_meet', 'officer_observation']);
    expect(missingRequired(V3, { ...tourist, officer_observation: [] }, context).map((q) => q.id)).toEqual(['officer_observation']);
    expect(missingRequired(V3, tourist, context)).toEqual([]);
  });
});

describe('checklist 2026.3 compared with 2026.2 as first shipped', () => {
  const context: RiskContext = { countryRules: DEFAULT_COUNTRY_RULES, destinationCountry: KUL, ageYears: 30 };
  const concealed = TRAVELLERS.find((t) => t.name.startsWith('coached "tourist" who says Thailand')) as Traveller;

  it('2026.2 never asks for the onward tickets, so a case decided under it keeps its judgement', () => {
    expect(V2.questions.map((q) => q.id)).not.toContain('onward_airports');
    expect(visibleWithAnswers(V2, concealed.answers, context).questions.map((q) => q.id)).not.toContain('onward_airports');
    expect(evaluateRisk(V2, concealed.answers, context)).toMatchObject({ level: 'low', indicators: [] });
  });

  it('2026.3 asks for them and judges the country they end in', () => {
    expect(visibleWithAnswers(V3, concealed.answers, context).questions.map((q) => q.id)).toContain('onward_airports');
    expect(evaluateRisk(V3, concealed.answers, context).indicators.map((i) => i.reasonCode)).toEqual(['DESTINATION_MISMATCH', 'ONWARD_TO_ROUTE_COUNTRY']);
  });

  it('2026.2 and 2026.3 agree on every traveller without onward tickets', () => {
    for (const t of TRAVELLERS.filter((x) => x.answers.onward_airports === undefined)) {
      const facts: RiskContext = { ...context, destinationCountry: t.ticket, ageYears: t.age ?? 30, earlierHolds: t.earlierHolds ?? 0, watchListHits: t.watchListHits ?? 0 };
      expect(evaluateRisk(V2, t.answers, facts), t.name).toEqual(evaluateRisk(V3, t.answers, facts));
    }
  });
});

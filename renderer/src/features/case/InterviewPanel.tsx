// Owns the interview: travel details with an airport search, and the checklist questions that apply so far.
// Answers are saved as the officer gives them; the core recomputes the risk from them.
import { useEffect, useRef, useState } from 'react';
import { isAnswered, visibleQuestions, type AnswerValue, type Answers, type Checklist, type Question, type RiskContext } from '../../../../shared/checklist';
import type { CaseDetail } from '../../../../shared/contract';
import { stateName } from '../../../../shared/mrz';
import { landingAirports, parseBoardingPass, typedAirports } from '../../../../shared/bcbp';
import { airportByIata, searchAirports } from '../../../../shared/reference-data/airports';
import { countryByCode, resolveCountry, searchCountries } from '../../../../shared/reference-data/countries';
import { DateInput } from '../../components/DateInput';
import { Button } from '../../components/Form';
import { BOARDING_PASS_EVENT } from '../../lib/use-keyboard-wedge';
import { PassCamera } from './PassCamera';
import { useI18n } from '../../lib/i18n';
import type { CaseStep } from './case-step';

export function TravelPanel({ detail, runStep }: { detail: CaseDetail; runStep: CaseStep }) {
  const { t, language } = useI18n();
  const [flight, setFlight] = useState(detail.travel.flight ?? '');
  const [travelDate, setTravelDate] = useState(detail.travel.travelDate ?? new Date().toISOString().slice(0, 10));
  const [airport, setAirport] = useState(detail.travel.destinationAirport ?? '');
  const matches = airport.length >= 2 ? searchAirports(airport, 8) : [];
  const editable = detail.status === 'open';

  async function save() {
    await runStep('cases.recordTravel', {
      caseId: detail.id,
      travel: { flight: flight.trim() || null, travelDate: travelDate || null, destinationAirport: airport.trim().toUpperCase().slice(0, 3) || null },
    });
  }

  return (
    <section className="card" aria-labelledby="travel-title">
      <h2 id="travel-title">{t('case.travel')}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="flight">{t('case.flight')}</label>
          <input id="flight" value={flight} disabled={!editable} onChange={(e) => setFlight(e.target.value)} placeholder="AK 1325" />
        </div>
        <div className="field">
          <label htmlFor="travel-date">{t('case.travelDate')}</label>
          <DateInput id="travel-date" value={travelDate} disabled={!editable} onChange={(iso) => setTravelDate(iso ?? '')} />
        </div>
        <div className="field">
          <label htmlFor="airport">{t('case.destination')}</label>
          <input id="airport" list="airport-options" value={airport} disabled={!editable} onChange={(e) => setAirport(e.target.value)} placeholder="KUL" />
          <datalist id="airport-options">
            {matches.map((match) => (
              <option key={match.iata} value={match.iata}>
                {match.iata} · {match.city} · {match.name} · {stateName(match.country, language) ?? match.country}
              </option>
            ))}
          </datalist>
        </div>
        <div className="field">
          <span className="label">{t('case.destinationCountry')}</span>
          <strong data-testid="destination-country">
            {detail.travel.destinationCountry ? `${stateName(detail.travel.destinationCountry, language) ?? ''} (${detail.travel.destinationCountry})` : '—'}
          </strong>
        </div>
      </div>
      {editable && (
        <Button variant="secondary" onClick={() => void save()}>
          {t('case.saveTravel')}
        </Button>
      )}
    </section>
  );
}

/** Digits answer a choice question in one key: option N, or 1 yes / 2 no. */
function optionForKey(question: Question, key: string): AnswerValue | undefined {
  if (!/^[1-9]$/.test(key)) return undefined;
  const index = Number(key) - 1;
  if (question.type === 'yes_no') return index === 0 ? true : index === 1 ? false : undefined;
  return question.options?.[index]?.id;
}

/** A multiple-choice answer after toggling one option; an exclusive option ("none") clears the rest and vice versa. */
function toggled(question: Question, current: AnswerValue | undefined, option: string): string[] {
  const list = Array.isArray(current) ? current : [];
  if (list.includes(option)) return list.filter((item) => item !== option);
  const exclusive = question.exclusiveOption;
  if (option === exclusive) return [option];
  return [...list.filter((item) => item !== exclusive), option];
}

/**
 * onAnswers receives the whole answer set after each change; the case screen saves it (useAnswerSaver). A checklist
 * with a triage shows it first, then the full interview once a trigger opens it, starting with the privacy prompt.
 */
export function InterviewPanel({
  detail,
  checklist,
  context,
  onAnswers,
}: {
  detail: CaseDetail;
  checklist: Checklist;
  context: RiskContext;
  onAnswers: (answers: Answers) => void;
}) {
  const { t, language } = useI18n();
  const [answers, setAnswers] = useState<Answers>(detail.answers as Answers);
  const editable = detail.status === 'open';
  const questions = visibleQuestions(checklist, answers, context);
  const list = useRef<HTMLDivElement>(null);
  // After a one-key answer, the question to move on from (the next one may only now be shown).
  const [advanceFrom, setAdvanceFrom] = useState<string | null>(null);

  function answer(id: string, value: AnswerValue) {
    const next = { ...answers, [id]: value };
    setAnswers(next);
    onAnswers(next);
  }

  useEffect(() => {
    if (advanceFrom === null) return;
    setAdvanceFrom(null);
    // On to the next question that still needs an answer: an optional field (a city) is not a stop on the fast path.
    const after = questions.slice(questions.findIndex((q) => q.id === advanceFrom) + 1);
    const next = after.find((q) => q.required === true && !isAnswered(answers[q.id]))?.id;
    if (next === undefined) return;
    const item = list.current?.querySelector(`[data-question="${next}"]`);
    (item?.querySelector<HTMLElement>('input:checked') ?? item?.querySelector<HTMLElement>('input, select'))?.focus();
  }, [advanceFrom, questions, answers]);

  function onKeyDown(event: React.KeyboardEvent) {
    const target = event.target as HTMLInputElement;
    if (!editable || event.altKey || event.ctrlKey || event.metaKey || (target.type !== 'radio' && target.type !== 'checkbox')) return;
    const id = target.closest<HTMLElement>('[data-question]')?.dataset.question;
    const question = questions.find((q) => q.id === id);
    if (!question) return;
    const value = optionForKey(question, event.key);
    if (value === undefined) return;
    event.preventDefault();
    if (question.type === 'multiple') {
      const next = toggled(question, answers[question.id], value as string);
      answer(question.id, next);
      // The exclusive option ("nothing observed") finishes the question; other options may be combined.
      if (value === question.exclusiveOption) setAdvanceFrom(question.id);
      return;
    }
    answer(question.id, value);
    setAdvanceFrom(question.id);
  }

  // A boarding pass read while the onward-ticket question is not shown: say how to record it, rather than drop it.
  const [passNotice, setPassNotice] = useState<string | null>(null);
  const itineraryShown = questions.some((q) => q.type === 'itinerary');
  useEffect(() => {
    if (!editable || itineraryShown) {
      setPassNotice(null);
      return;
    }
    const onPass = (event: Event) => {
      const reading = parseBoardingPass((event as CustomEvent<string>).detail);
      const legs = reading.ok ? reading.pass.legs.map((leg) => `${leg.from}→${leg.to}`).join(', ') : '';
      setPassNotice(t(checklist.questions.some((q) => q.type === 'itinerary') ? 'case.itinerary.notAsked' : 'case.itinerary.notInVersion', { legs }));
    };
    window.addEventListener(BOARDING_PASS_EVENT, onPass);
    return () => window.removeEventListener(BOARDING_PASS_EVENT, onPass);
  }, [editable, itineraryShown, checklist, t]);

  const sectioned = checklist.fullInterview !== undefined;
  const triage = sectioned ? questions.filter((q) => q.section === 'triage') : questions;
  const full = sectioned ? questions.filter((q) => q.section === 'full') : [];
  const item = (question: Question) => (
    <li key={question.id} data-question={question.id} className={question.privacyPrompt ? 'privacy-prompt' : undefined}>
      {question.officerOnly && <span className="badge officer-only">{t('case.officerOnly')}</span>}
      <QuestionInput question={question} value={answers[question.id]} disabled={!editable} onAnswer={(value) => answer(question.id, value)} language={language} yes={t('case.yes')} no={t('case.no')} />
    </li>
  );

  return (
    <section className="card" aria-labelledby="interview-title">
      <h2 id="interview-title">{t('case.interview')}</h2>
      <p className="hint">{t('case.checklistVersion', { version: detail.checklistVersion })}</p>
      {passNotice && (
        <p className="hint" role="status" data-testid="boarding-pass-notice">
          {passNotice}
        </p>
      )}
      <div ref={list} onKeyDown={onKeyDown}>
        {sectioned && (
          <>
            <h3 id="triage-title">{t('case.triage')}</h3>
            <p className="hint">{t('case.triageHint')}</p>
          </>
        )}
        <ol className="questions" aria-labelledby={sectioned ? 'triage-title' : 'interview-title'}>
          {triage.map(item)}
        </ol>
        {full.length > 0 && (
          <section className="full-interview" aria-labelledby="full-interview-title">
            <h3 id="full-interview-title">{t('case.fullInterview')}</h3>
            <p className="hint">{t('case.fullInterviewOpened')}</p>
            <ol className="questions" start={triage.length + 1}>
              {full.map(item)}
            </ol>
          </section>
        )}
      </div>
    </section>
  );
}

function QuestionInput({
  question,
  value,
  disabled,
  onAnswer,
  language,
  yes,
  no,
}: {
  question: Question;
  value: AnswerValue | undefined;
  disabled: boolean;
  onAnswer: (value: AnswerValue) => void;
  language: 'id' | 'en';
  yes: string;
  no: string;
}) {
  const id = `q-${question.id}`;
  const label = question.text[language];
  const help = question.help?.[language];
  switch (question.type) {
    case 'yes_no':
      return (
        <fieldset className="question" disabled={disabled}>
          <legend>{label}</legend>
          {help && <small className="hint">{help}</small>}
          <div className="choices">
            {([true, false] as const).map((choice, index) => (
              <label key={String(choice)} className={`choice ${value === choice ? 'chosen' : ''}`}>
                <input type="radio" name={id} checked={value === choice} onChange={() => onAnswer(choice)} />
                <kbd aria-hidden="true">{index + 1}</kbd> {choice ? yes : no}
              </label>
            ))}
          </div>
        </fieldset>
      );
    case 'single':
    case 'multiple': {
      const chosen = question.type === 'multiple' ? (Array.isArray(value) ? value : []) : value;
      return (
        <fieldset className="question" disabled={disabled}>
          <legend>{label}</legend>
          {help && <small className="hint">{help}</small>}
          <div className="choices">
            {(question.options ?? []).map((option, index) => {
              const checked = Array.isArray(chosen) ? chosen.includes(option.id) : chosen === option.id;
              return (
                <label key={option.id} className={`choice ${checked ? 'chosen' : ''}`}>
                  <input
                    type={question.type === 'multiple' ? 'checkbox' : 'radio'}
                    name={id}
                    checked={checked}
                    onChange={() => {
                      if (question.type === 'single') return onAnswer(option.id);
                      onAnswer(toggled(question, chosen, option.id));
                    }}
                  />
                  {index < 9 && <kbd aria-hidden="true">{index + 1}</kbd>} {option.text[language]}
                </label>
              );
            })}
          </div>
        </fieldset>
      );
    }
    case 'number':
      return (
        <div className="field question">
          <label htmlFor={id}>{label}</label>
          <input id={id} type="number" disabled={disabled} value={typeof value === 'number' ? value : ''} onChange={(e) => onAnswer(e.target.value === '' ? null : Number(e.target.value))} />
        </div>
      );
    case 'date':
      return (
        <div className="field question">
          <label htmlFor={id}>{label}</label>
          <DateInput id={id} disabled={disabled} value={typeof value === 'string' ? value : ''} onChange={onAnswer} />
        </div>
      );
    case 'country':
      return <CountryQuestion id={id} label={label} value={typeof value === 'string' ? value : ''} disabled={disabled} onAnswer={onAnswer} language={language} />;
    case 'itinerary':
      return <ItineraryQuestion id={id} label={label} help={help} value={Array.isArray(value) ? value : []} disabled={disabled} onAnswer={onAnswer} language={language} />;
    case 'text':
      return (
        <div className="field question">
          <label htmlFor={id}>{label}</label>
          <input id={id} disabled={disabled} maxLength={10000} value={typeof value === 'string' ? value : ''} onChange={(e) => onAnswer(e.target.value || null)} />
        </div>
      );
  }
}

/** A country by code or by name, searched as the airport field is; the answer is the ISO code it resolves to. */
function CountryQuestion({ id, label, value, disabled, onAnswer, language }: { id: string; label: string; value: string; disabled: boolean; onAnswer: (value: AnswerValue) => void; language: 'id' | 'en' }) {
  const [text, setText] = useState(value);
  const matches = text.trim().length >= 2 ? searchCountries(text, 8) : [];
  const chosen = countryByCode(value);
  return (
    <div className="field question">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        disabled={disabled}
        list={`${id}-options`}
        autoComplete="off"
        placeholder="MYS / Malaysia"
        value={text}
        aria-describedby={`${id}-resolved`}
        onChange={(e) => {
          setText(e.target.value);
          const found = searchCountries(e.target.value, 2);
          const resolved = resolveCountry(e.target.value) ?? (found.length === 1 ? found[0] : undefined);
          onAnswer(resolved?.code ?? null);
        }}
      />
      <datalist id={`${id}-options`}>
        {matches.map((country) => (
          <option key={country.code} value={country.code}>
            {country.code} · {country[language]}
          </option>
        ))}
      </datalist>
      <small id={`${id}-resolved`} className="hint" data-testid={`${id}-resolved`}>
        {chosen ? `${chosen[language]} (${chosen.code})` : text.trim() ? '?' : ''}
      </small>
    </div>
  );
}

/**
 * The airports the onward tickets land at, in order: typed as codes, or added leg by leg from boarding passes that a
 * scanner types into the pass field (kept from the desk-reader catcher), the officer pastes, or the webcam reads. The core compares the
 * last airport with the final destination declared; the line beneath shows where the tickets end.
 */
function ItineraryQuestion({ id, label, help, value, disabled, onAnswer, language }: { id: string; label: string; help: string | undefined; value: string[]; disabled: boolean; onAnswer: (value: AnswerValue) => void; language: 'id' | 'en' }) {
  const { t } = useI18n();
  const [text, setText] = useState(value.join(' '));
  const [scan, setScan] = useState('');
  const [message, setMessage] = useState<{ text: string; problem: boolean } | null>(null);
  const airports = typedAirports(text);
  const last = airportByIata(airports[airports.length - 1] ?? '');
  const give = (codes: string[]) => onAnswer(codes.length > 0 ? codes : null);

  function readPass(scanned: string) {
    const reading = parseBoardingPass(scanned);
    if (!reading.ok) {
      setMessage({ text: t(`case.itinerary.problem.${reading.problem}`), problem: true });
      return;
    }
    const next = landingAirports(airports, reading.pass.legs);
    setText(next.join(' '));
    give(next);
    setScan('');
    setMessage({ text: t('case.itinerary.read', { legs: reading.pass.legs.map((leg) => `${leg.from}→${leg.to}`).join(', ') }), problem: false });
  }
  // The desk's scanner read a pass wherever the focus was: it lands here as if scanned into the pass field.
  const latest = useRef(readPass);
  latest.current = readPass;
  useEffect(() => {
    if (disabled) return;
    const onPass = (event: Event) => latest.current((event as CustomEvent<string>).detail);
    window.addEventListener(BOARDING_PASS_EVENT, onPass);
    return () => window.removeEventListener(BOARDING_PASS_EVENT, onPass);
  }, [disabled]);

  return (
    <div className="field question">
      <label htmlFor={id}>{label}</label>
      {help && <small className="hint">{help}</small>}
      <input
        id={id}
        data-answer="airports"
        disabled={disabled}
        autoComplete="off"
        placeholder="KUL BKK"
        value={text}
        aria-describedby={`${id}-resolved`}
        onChange={(e) => {
          setText(e.target.value);
          give(typedAirports(e.target.value));
        }}
      />
      <small id={`${id}-resolved`} className="hint" data-testid={`${id}-resolved`}>
        {airports.map((code) => {
          const airport = airportByIata(code);
          return airport ? `${code} ${airport.city}` : `${code} (${t('case.itinerary.unknown')})`;
        }).join(' → ')}
        {last && ` · ${t('case.itinerary.final', { country: stateName(last.country, language) ?? last.country })}`}
      </small>
      <label htmlFor={`${id}-pass`} className="hint itinerary-pass">{t('case.itinerary.scan')}</label>
      <input
        id={`${id}-pass`}
        data-wedge-off=""
        disabled={disabled}
        autoComplete="off"
        value={scan}
        aria-describedby={`${id}-pass-message`}
        onChange={(e) => setScan(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          e.stopPropagation();
          readPass(scan);
        }}
      />
      <small id={`${id}-pass-message`} role={message?.problem ? 'alert' : 'status'} className={message?.problem ? 'field-error' : 'hint'} data-testid={`${id}-pass-message`}>
        {message?.text ?? ''}
      </small>
      {!disabled && <PassCamera id={id} onPass={readPass} />}
    </div>
  );
}

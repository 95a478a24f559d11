// Owns the review of one hold (issue 17): the whole case on one screen (traveller, travel, answers, indicators,
// decision, ground, note, amendments, slip prints, earlier encounters, conflicts from sync), the countersignature with the password
// typed again, the supervisor's notes, what became of the traveller with its time, and the sign-off.
import { useState, type FormEvent } from 'react';
import { LEGAL_GROUNDS, REASON_CODES } from '../../../../shared/checklist';
import { TRAVELLER_OUTCOMES, type CallResult, type Officer, type ReviewDetail, type TravellerOutcome } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner, SelectField, TextField } from '../../components/Form';
import { OriginPicker, originLabel } from '../../components/OriginPicker';
import { SyncConflicts } from '../../components/SyncConflicts';
import { formatDate, formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall } from '../../lib/use-call';

export function CaseReviewScreen({ caseId, officer, onBack }: { caseId: string; officer: Officer; onBack: () => void }) {
  const { t, language } = useI18n();
  const loaded = useCall('review.case', { caseId });
  const review = loaded.value;
  // Every step answers with the review as it now stands; they share the screen's one error and notice.
  const step = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<TravellerOutcome>('handed_to_bp3mi');
  // Empty: the outcome happened as it is saved (the core's now, never before the decision). A time filled in when the
  // screen opened could lie before a decision made in that minute, or be hours old when saved.
  const [happenedAt, setHappenedAt] = useState('');
  const [outcomeNote, setOutcomeNote] = useState('');
  const error = step.error ?? loaded.error;

  function apply(result: CallResult<ReviewDetail>): boolean {
    setNotice(result.ok ? t('caseReview.saved') : null);
    if (result.ok) loaded.setValue(result.value);
    return result.ok;
  }

  if (!review) return <main className="panel">{error ? <ErrorBanner text={error} /> : <p className="loading">{t('app.loading')}</p>}</main>;
  const c = review.case;
  const decision = c.decisionDetail;
  const reasonText = (code: string) => REASON_CODES.find((r) => r.code === code)?.text[language] ?? code;
  const ground = decision?.legalGround ? LEGAL_GROUNDS.find((g) => g.code === decision.legalGround) : undefined;
  const awaiting = c.status === 'awaiting_countersignature';
  const signedOff = review.signedOff !== null;

  async function countersign(event: FormEvent) {
    event.preventDefault();
    if (apply(await step.run('review.countersign', { caseId, password }))) setPassword('');
  }
  async function addNote(event: FormEvent) {
    event.preventDefault();
    if (apply(await step.run('review.addNote', { caseId, note }))) setNote('');
  }
  async function recordOrigin(origin: ReviewDetail['case']['origin']) {
    const recorded = await step.run('cases.recordOrigin', { caseId, ...origin });
    if (!recorded.ok) return void setNotice(null);
    apply(await step.run('review.case', { caseId }));
  }
  async function recordOutcome(event: FormEvent) {
    event.preventDefault();
    const at = happenedAt === '' ? {} : { happenedAt: new Date(happenedAt).toISOString() };
    if (apply(await step.run('review.recordOutcome', { caseId, outcome, ...at, note: outcomeNote }))) setHappenedAt('');
  }

  return (
    <main className="panel wide-panel case-review" data-testid="case-review">
      <div className="row">
        <Button variant="secondary" onClick={onBack} data-testid="back-to-queue">
          {t('caseReview.back')}
        </Button>
      </div>
      <h1>{t('caseReview.title', { caseNumber: c.caseNumber })}</h1>
      <ErrorBanner text={error} />
      <NoticeBanner text={notice} />
      <SyncConflicts conflicts={c.conflicts} />
      <div className="review-grid">
        <section className="card" aria-labelledby="rv-traveller">
          <h2 id="rv-traveller">{t('caseReview.traveller')}</h2>
          <dl className="facts">
            <dt>{t('case.name')}</dt>
            <dd>{c.name}</dd>
            <dt>{t('case.documentNumber')}</dt>
            <dd>{c.documentNumber}</dd>
            <dt>{t('case.nationality')}</dt>
            <dd>{c.traveller.nationality ?? '—'}</dd>
            <dt>{t('case.birthDate')}</dt>
            <dd>
              {c.traveller.birthDate ? formatDate(c.traveller.birthDate) : '—'}
              {c.traveller.ageYears !== null && ` (${c.traveller.ageYears})`}
            </dd>
            <dt>{t('caseReview.origin')}</dt>
            <dd data-testid="origin">{originLabel(c.origin) ?? '—'}</dd>
          </dl>
          {!signedOff && <OriginPicker origin={c.origin} onPick={(origin) => void recordOrigin(origin)} />}
          <h3>{t('caseReview.travel')}</h3>
          <p>
            {[c.travel.flight, c.travel.travelDate && formatDate(c.travel.travelDate), c.travel.destinationAirport, c.travel.destinationCountry].filter(Boolean).join(' · ') ||
              '—'}
          </p>
          <h3>{t('caseReview.history')}</h3>
          {c.history.length === 0 ? (
            <p className="hint">{t('caseReview.none')}</p>
          ) : (
            <ul>
              {c.history.map((h) => (
                <li key={h.id}>
                  {h.caseNumber} · {formatDateTime(h.openedAt, language)} · {h.decision ? t(`outcome.${h.decision}`) : t(`status.${h.status}`)}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="rv-decision" data-testid="review-decision">
          <h2 id="rv-decision">
            {t('caseReview.decision')}: {decision ? t(`outcome.${decision.outcome}`) : t(`status.${c.status}`)}
          </h2>
          {decision && (
            <>
              <p>{t('case.decidedBy', { name: decision.decidedByName, agency: t(`agency.${decision.decidedByAgency as 'BP3MI' | 'IMIGRASI'}`), at: formatDateTime(decision.decidedAt, language) })}</p>
              {decision.countersignedAt && <p>{t('case.countersignedBy', { name: decision.countersignedByName ?? '', at: formatDateTime(decision.countersignedAt, language) })}</p>}
              <ul>
                {decision.reasons.map((code) => (
                  <li key={code}>{reasonText(code)}</li>
                ))}
              </ul>
              {ground && (
                <p>
                  <strong>{ground.title[language]}</strong> — {ground.citation}
                </p>
              )}
              <p className="note-text">{decision.note}</p>
            </>
          )}
          <h3>{t('caseReview.indicators')}</h3>
          <p>
            <span className={`risk-${c.risk.level}`}>{t(`case.risk.${c.risk.level}`)}</span> · {c.risk.indicators.map((i) => i.text[language]).join(' · ') || t('caseReview.none')}
          </p>
          <h3>{t('caseReview.answers')}</h3>
          <p className="hint">{Object.entries(c.answers).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`).join(' · ') || t('caseReview.none')}</p>
          <h3>{t('caseReview.amendments')}</h3>
          {c.amendments.length === 0 ? (
            <p className="hint">{t('caseReview.none')}</p>
          ) : (
            <ul>
              {c.amendments.map((a, i) => (
                <li key={i}>{t('case.amendment', { at: formatDateTime(a.at, language), author: a.authorName, field: a.field, from: a.from, to: a.to, reason: a.reason })}</li>
              ))}
            </ul>
          )}
          <h3>{t('caseReview.prints')}</h3>
          {review.prints.length === 0 ? (
            <p className="hint">{t('caseReview.none')}</p>
          ) : (
            <ul>
              {review.prints.map((p, i) => (
                <li key={i}>{t('caseReview.print', { at: formatDateTime(p.at, language), name: p.officerName, layout: p.layout, copies: p.copies })}</li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="rv-actions">
          {awaiting && (
            <form onSubmit={countersign} aria-labelledby="rv-countersign" data-testid="countersign-form">
              <h2 id="rv-countersign">{t('caseReview.countersign')}</h2>
              <p className="hint">{t('caseReview.countersignHint')}</p>
              <TextField label={t('caseReview.password')} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
              <Button type="submit">{t('caseReview.countersignButton')}</Button>
            </form>
          )}
          <h2 id="rv-actions">{t('caseReview.outcome')}</h2>
          {review.travellerOutcome && (
            <p data-testid="outcome-recorded">
              {t('caseReview.outcomeRecorded', {
                outcome: t(`outcomeOf.${review.travellerOutcome.outcome}`),
                at: formatDateTime(review.travellerOutcome.happenedAt, language),
                by: review.travellerOutcome.byName,
                recordedAt: formatDateTime(review.travellerOutcome.recordedAt, language),
              })}
              {review.travellerOutcome.note && <span className="note-text"> — {review.travellerOutcome.note}</span>}
            </p>
          )}
          {!signedOff && !awaiting && (
            <form onSubmit={recordOutcome} data-testid="outcome-form">
              <SelectField label={t('caseReview.outcomeChoice')} value={outcome} onChange={(e) => setOutcome(e.target.value as TravellerOutcome)} data-testid="outcome-choice">
                {TRAVELLER_OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`outcomeOf.${o}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('caseReview.happenedAt')}
                hint={t('caseReview.happenedAtHint')}
                type="datetime-local"
                value={happenedAt}
                onChange={(e) => setHappenedAt(e.target.value)}
                data-testid="outcome-time"
              />
              <TextField label={t('caseReview.outcomeNote')} value={outcomeNote} onChange={(e) => setOutcomeNote(e.target.value)} maxLength={10_000} />
              <Button type="submit" data-testid="save-outcome">
                {t('caseReview.saveOutcome')}
              </Button>
            </form>
          )}
          <h2>{t('caseReview.signOff')}</h2>
          {signedOff ? (
            <p className="banner banner-notice" data-testid="signed-off">
              {t('caseReview.signedOff', { name: review.signedOff!.byName, at: formatDateTime(review.signedOff!.at, language) })}
            </p>
          ) : (
            <>
              <p className="hint">{t('caseReview.signOffHint')}</p>
              {officer.role === 'supervisor' && (
                <Button onClick={async () => apply(await step.run('review.signOff', { caseId }))} disabled={awaiting || !review.travellerOutcome} data-testid="sign-off">
                  {t('caseReview.signOff')}
                </Button>
              )}
            </>
          )}
          <h2>{t('caseReview.notes')}</h2>
          {review.notes.length === 0 ? (
            <p className="hint">{t('caseReview.none')}</p>
          ) : (
            <ul data-testid="supervisor-notes">
              {review.notes.map((n, i) => (
                <li key={i}>
                  <span className="hint">
                    {formatDateTime(n.at, language)} · {n.byName}
                  </span>
                  <div className="note-text">{n.note}</div>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={addNote}>
            <TextField label={t('caseReview.noteLabel')} value={note} onChange={(e) => setNote(e.target.value)} required maxLength={10_000} data-testid="note-input" />
            <Button type="submit" variant="secondary" data-testid="add-note">
              {t('caseReview.addNote')}
            </Button>
          </form>
        </section>
      </div>
    </main>
  );
}

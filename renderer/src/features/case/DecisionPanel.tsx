// Owns the decision: the risk and its suggestion, the one-key Clear for the fast path, and for any other outcome
// the reasons, the legal ground from the list and the note the core insists on. Also the decided view with
// countersignature and amendments, where nothing is overwritten.
import { useEffect, useState } from 'react';
import { LEGAL_GROUNDS, REASON_CODES, groundsFor, legalGround } from '../../../../shared/checklist';
import { AMENDABLE_FIELDS, OUTCOMES, type CallError, type CaseDetail, type Officer } from '../../../../shared/contract';
import { Button } from '../../components/form';
import { call } from '../../lib/client';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

type Outcome = (typeof OUTCOMES)[number];

/** Alt+key shortcuts, shown on the buttons. */
export const OUTCOME_KEYS: Record<Outcome, string> = {
  clear: 'B',
  tunda: 'T',
  refer_bp3mi: 'R',
  refer_police: 'L',
  refer_imigrasi: 'I',
  passport_action: 'P',
};

interface Props {
  onOpenSlip?: () => void;
  detail: CaseDetail;
  officer: Officer;
  onChanged: (detail: CaseDetail) => void;
  onError: (error: CallError) => void;
}

export function RiskPanel({ detail }: { detail: CaseDetail }) {
  const { t, language } = useI18n();
  const risk = detail.risk;
  return (
    <section className={`card risk risk-${risk.level}`} aria-labelledby="risk-title" data-testid="risk">
      <h2 id="risk-title">
        {t('case.risk')}: <span data-testid="risk-level">{t(`case.risk.${risk.level}`)}</span>
      </h2>
      {risk.indicators.length === 0 ? (
        <p>{t('case.noIndicators')}</p>
      ) : (
        <ul>
          {risk.indicators.map((indicator) => (
            <li key={indicator.id}>{indicator.text[language]}</li>
          ))}
        </ul>
      )}
      <p>
        <strong>{t('case.suggestion', { text: risk.suggestion[language] })}</strong>
      </p>
    </section>
  );
}

export function DecisionPanel({ detail, officer, onChanged, onError }: Props) {
  const { t, language } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [ground, setGround] = useState('');
  const [note, setNote] = useState('');
  const [phone, setPhone] = useState('');
  const [address, setAddress] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);

  function choose(next: Outcome) {
    if (next === 'clear') return void decide('clear');
    setOutcome(next);
    // Start from the reasons the interview raised; the officer adds or removes.
    setReasons((current) => (current.length > 0 ? current : [...new Set(detail.risk.indicators.map((i) => i.reasonCode))]));
    setGround((current) => (legalGround(current)?.outcomes.includes(next) ? current : ''));
  }

  async function decide(chosen: Outcome) {
    setBusy(true);
    const contact = phone || address || consent ? { phone: phone || null, address: address || null, consent } : null;
    const result = await call('cases.decide', {
      caseId: detail.id,
      outcome: chosen,
      reasons: chosen === 'clear' ? [] : reasons,
      legalGround: chosen === 'clear' ? null : ground || null,
      note: chosen === 'clear' ? '' : note,
      contact,
    });
    setBusy(false);
    if (result.ok) onChanged(result.value);
    else onError(result.error);
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || busy) return;
      const match = (Object.entries(OUTCOME_KEYS) as [Outcome, string][]).find(([, key]) => key === event.key.toUpperCase());
      if (match) {
        event.preventDefault();
        choose(match[0]);
      } else if (event.key.toUpperCase() === 'S' && outcome) {
        event.preventDefault();
        void decide(outcome);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const grounds = outcome ? groundsFor(outcome) : [];
  const raised = new Set(detail.risk.indicators.map((indicator) => indicator.reasonCode));
  const toggleReason = (code: string) => setReasons((list) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]));
  return (
    <section className="card" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('case.decision')}</h2>
      <div className="outcomes">
        <Button onClick={() => choose('clear')} disabled={busy} className="outcome-clear">
          {t('case.clearFast')} <kbd>Alt+{OUTCOME_KEYS.clear}</kbd>
        </Button>
        {OUTCOMES.filter((o) => o !== 'clear' && (o !== 'passport_action' || officer.agency === 'IMIGRASI')).map((o) => (
          <Button key={o} variant={outcome === o ? 'primary' : 'secondary'} aria-pressed={outcome === o} onClick={() => choose(o)} disabled={busy}>
            {t(`outcome.${o}`)} <kbd>Alt+{OUTCOME_KEYS[o]}</kbd>
          </Button>
        ))}
      </div>
      {outcome && (
        <form
          className="decision-form"
          onSubmit={(event) => {
            event.preventDefault();
            void decide(outcome);
          }}
        >
          <fieldset>
            <legend>{t('case.reasons')}</legend>
            <div className="reasons">
              {REASON_CODES.filter((reason) => raised.has(reason.code)).map((reason) => (
                <ReasonChoice key={reason.code} code={reason.code} text={reason.text[language]} checked={reasons.includes(reason.code)} onToggle={toggleReason} />
              ))}
            </div>
            {/* The interview's reasons come first; every other reason is one click away. */}
            <details className="more-reasons" open={raised.size === 0}>
              <summary>{t('case.moreReasons')}</summary>
              <div className="reasons">
                {REASON_CODES.filter((reason) => !raised.has(reason.code)).map((reason) => (
                  <ReasonChoice key={reason.code} code={reason.code} text={reason.text[language]} checked={reasons.includes(reason.code)} onToggle={toggleReason} />
                ))}
              </div>
            </details>
          </fieldset>
          <div className="field">
            <label htmlFor="legal-ground">{t('case.legalGround')}</label>
            <select id="legal-ground" value={ground} onChange={(e) => setGround(e.target.value)} required>
              <option value="">{t('case.chooseGround')}</option>
              {grounds.map((g) => (
                <option key={g.code} value={g.code}>
                  {g.title[language]} — {g.citation}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="decision-note">{t('case.note')}</label>
            <textarea id="decision-note" rows={4} maxLength={10000} value={note} onChange={(e) => setNote(e.target.value)} required />
          </div>
          <fieldset>
            <legend>{t('case.contact')}</legend>
            <div className="form-grid">
              <div className="field">
                <label htmlFor="contact-phone">{t('case.phone')}</label>
                <input id="contact-phone" value={phone} maxLength={40} onChange={(e) => setPhone(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="contact-address">{t('case.address')}</label>
                <input id="contact-address" value={address} maxLength={500} onChange={(e) => setAddress(e.target.value)} />
              </div>
            </div>
            <label className="choice">
              <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} />
              {t('case.consent')}
            </label>
          </fieldset>
          <Button type="submit" disabled={busy}>
            {t('case.saveDecision')} <kbd>Alt+S</kbd>
          </Button>
        </form>
      )}
    </section>
  );
}

function ReasonChoice({ code, text, checked, onToggle }: { code: string; text: string; checked: boolean; onToggle: (code: string) => void }) {
  return (
    <label className={`choice ${checked ? 'chosen' : ''}`}>
      <input type="checkbox" checked={checked} onChange={() => onToggle(code)} />
      {text}
    </label>
  );
}

export function DecidedPanel({ detail, officer, onChanged, onError, onOpenSlip }: Props) {
  const { t, language } = useI18n();
  const decision = detail.decisionDetail!;
  const ground = decision.legalGround ? LEGAL_GROUNDS.find((g) => g.code === decision.legalGround) : undefined;
  const reasonText = (code: string) => REASON_CODES.find((r) => r.code === code)?.text[language] ?? code;
  const canCountersign = detail.status === 'awaiting_countersignature' && officer.role === 'supervisor' && officer.agency === 'IMIGRASI';

  async function countersign() {
    const result = await call('cases.countersign', { caseId: detail.id });
    if (result.ok) onChanged(result.value);
    else onError(result.error);
  }

  return (
    <section className={`card decided decided-${decision.outcome}`} aria-labelledby="decided-title" data-testid="decided">
      <h2 id="decided-title">
        {t('case.decision')}: <span data-testid="decision">{t(`outcome.${decision.outcome}`)}</span>
      </h2>
      {detail.status === 'awaiting_countersignature' && (
        <p className="banner banner-warn" data-testid="awaiting">
          {t('case.awaitingCountersignature')}
        </p>
      )}
      <p>{t('case.decidedBy', { name: decision.decidedByName, agency: t(`agency.${decision.decidedByAgency as 'BP3MI' | 'IMIGRASI'}`), at: formatDateTime(decision.decidedAt, language) })}</p>
      {decision.countersignedAt && (
        <p>{t('case.countersignedBy', { name: decision.countersignedByName ?? '', at: formatDateTime(decision.countersignedAt, language) })}</p>
      )}
      {decision.reasons.length > 0 && (
        <>
          <h3>{t('case.reasons')}</h3>
          <ul>
            {decision.reasons.map((code) => (
              <li key={code}>{reasonText(code)}</li>
            ))}
          </ul>
        </>
      )}
      {ground && (
        <p>
          <strong>{t('case.legalGround')}:</strong> {ground.title[language]} — {ground.citation}
        </p>
      )}
      {decision.note && (
        <p className="note">
          <strong>{t('case.note')}:</strong> <span data-testid="note">{decision.note}</span>
        </p>
      )}
      {canCountersign && <Button onClick={() => void countersign()}>{t('case.countersign')}</Button>}
      {onOpenSlip && (
        <Button variant="secondary" onClick={onOpenSlip}>
          {t('case.printSlip')}
        </Button>
      )}
      <Amendments detail={detail} onChanged={onChanged} onError={onError} />
    </section>
  );
}

function Amendments({ detail, onChanged, onError }: Omit<Props, 'officer' | 'onOpenSlip'>) {
  const { t, language } = useI18n();
  const [field, setField] = useState<(typeof AMENDABLE_FIELDS)[number]>('note');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');

  async function save() {
    const result = await call('cases.amend', {
      caseId: detail.id,
      field,
      value: field === 'reasons' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value || null,
      reason,
    });
    if (!result.ok) return onError(result.error);
    setValue('');
    setReason('');
    onChanged(result.value);
  }

  return (
    <div className="amendments">
      <h3>{t('case.amendments')}</h3>
      {detail.amendments.length === 0 ? (
        <p className="hint">{t('case.noAmendments')}</p>
      ) : (
        <ul data-testid="amendments">
          {detail.amendments.map((a, index) => (
            <li key={index}>
              {t('case.amendment', {
                at: formatDateTime(a.at, language),
                author: a.authorName,
                field: t(`case.field.${a.field as (typeof AMENDABLE_FIELDS)[number]}`),
                from: JSON.parse(a.from) ?? '',
                to: JSON.parse(a.to) ?? '',
                reason: a.reason,
              })}
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        aria-label={t('case.amend')}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="form-grid">
          <div className="field">
            <label htmlFor="amend-field">{t('case.amendField')}</label>
            <select id="amend-field" value={field} onChange={(e) => setField(e.target.value as typeof field)}>
              {AMENDABLE_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`case.field.${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="amend-value">{t('case.amendValue')}</label>
            <input id="amend-value" value={value} onChange={(e) => setValue(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="amend-reason">{t('case.amendReason')}</label>
            <input id="amend-reason" value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} />
          </div>
        </div>
        <Button type="submit" variant="secondary">
          {t('case.amendSave')}
        </Button>
      </form>
    </div>
  );
}

// Owns the form of a decision other than Clear: reasons (the interview's first, a filter over the rest), the legal
// ground with its full text, the note, and the traveller's contact. Each problem shows and is announced beside its field.
import { forwardRef, useImperativeHandle, useRef, useState } from 'react';
import { REASON_CODES, groundsFor, legalGround } from '../../../../shared/checklist';
import type { DecisionDraft } from '../../../../shared/contract';
import { Button, FieldError, errorLink } from '../../components/Form';
import { bindFields } from '../../lib/bind-fields';
import { useI18n } from '../../lib/i18n';
import { effectiveGround, toggleReason, type DecisionField, type Outcome } from './decision-draft';
import { SAVE_KEY } from './outcome-keys';

export interface DecisionFormHandle {
  /** Brings the form into view and puts the cursor in the first field still to fill (or on the suggested ground). */
  focusFirstEmpty(missing: readonly DecisionField[]): void;
}

interface DecisionFormProps {
  /** One that needs justifying (the panel shows no form for a Clear). */
  outcome: Outcome;
  draft: DecisionDraft;
  raised: readonly string[];
  reasons: readonly string[];
  errors: Partial<Record<DecisionField, string>>;
  busy: boolean;
  onDraft: (next: DecisionDraft) => void;
  onSubmit: () => void;
}

export const DecisionForm = forwardRef<DecisionFormHandle, DecisionFormProps>(function DecisionForm(
  { outcome, draft, raised, reasons, errors, busy, onDraft, onSubmit },
  ref,
) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const ground = effectiveGround(draft, reasons);
  const chosenGround = legalGround(ground);
  const needle = filter.trim().toLowerCase();
  const others = REASON_CODES.filter((reason) => !raised.includes(reason.code));
  const matches = needle ? others.filter((reason) => `${reason.text[language]} ${reason.code}`.toLowerCase().includes(needle)) : [];

  useImperativeHandle(ref, () => ({
    focusFirstEmpty(missing) {
      const root = form.current;
      if (!root) return;
      // Nothing missing: the ground the reasons suggested is what the officer must still look at.
      const target = missing[0] ?? 'legalGround';
      const byField: Record<DecisionField, string> = {
        reasons: '#reason-filter',
        legalGround: '#legal-ground',
        note: '#decision-note',
        contact: '#contact-consent',
      };
      const field = root.querySelector<HTMLElement>(byField[target]);
      // The form's start in view (what was chosen, the reasons), then the field itself if it lies further down.
      root.scrollIntoView({ block: 'start' });
      field?.focus({ preventScroll: true });
      field?.scrollIntoView({ block: 'nearest' });
    },
  }));

  // One checkbox per reason, in the officer's language: the raised ones, the filter's matches and the rest.
  const reasonChoices = (list: typeof REASON_CODES) =>
    list.map(({ code, text }) => (
      <label key={code} className={`choice ${reasons.includes(code) ? 'chosen' : ''}`}>
        <input type="checkbox" checked={reasons.includes(code)} onChange={() => onDraft(toggleReason(draft, raised, code))} />
        {text[language]}
      </label>
    ));
  const field = bindFields(draft, onDraft);
  const contactField = (id: string, key: 'phone' | 'address', type: 'tel' | 'text', maxLength: number) => (
    <div className="field">
      <label htmlFor={id}>{t(`case.${key}`)}</label>
      <input id={id} type={type} maxLength={maxLength} {...field.text(key)} />
    </div>
  );

  return (
    <form
      ref={form}
      className="decision-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <fieldset aria-describedby={errorLink(errors.reasons, 'reasons-error')['aria-describedby']}>
        <legend>{t('case.reasons')}</legend>
        <div className="reasons">{reasonChoices(REASON_CODES.filter((reason) => raised.includes(reason.code)))}</div>
        <div className="field reason-filter">
          <label htmlFor="reason-filter">{t('case.reasonFilter')}</label>
          <input id="reason-filter" type="search" value={filter} autoComplete="off" onChange={(e) => setFilter(e.target.value)} aria-describedby="reason-filter-count" />
          <small id="reason-filter-count" className="hint" aria-live="polite">
            {needle ? t('case.reasonMatches', { count: matches.length }) : ''}
          </small>
        </div>
        {needle ? (
          <div className="reasons" data-testid="reason-matches">
            {reasonChoices(matches)}
          </div>
        ) : (
          // The interview's reasons come first; every other reason is a filter or one click away.
          <details className="more-reasons" open={raised.length === 0}>
            <summary>{t('case.moreReasons')}</summary>
            <div className="reasons">{reasonChoices(others)}</div>
          </details>
        )}
        <FieldError id="reasons-error" text={errors.reasons} />
      </fieldset>
      <div className="field">
        <label htmlFor="legal-ground">{t('case.legalGround')}</label>
        <select
          id="legal-ground"
          value={ground}
          onChange={(e) => field.set('legalGround', e.target.value)}
          {...errorLink(errors.legalGround, 'ground-error', 'ground-full')}
        >
          <option value="">{t('case.chooseGround')}</option>
          {groundsFor(outcome).map((g) => (
            <option key={g.code} value={g.code}>
              {g.title[language]}
            </option>
          ))}
        </select>
        {/* The select shows a title; the ground as it will be recorded is read here in full. */}
        <p id="ground-full" className="ground-full" data-testid="ground-full">
          {chosenGround ? `${chosenGround.title[language]} — ${chosenGround.citation}` : ''}
          {chosenGround && ground !== draft.legalGround && <span className="hint"> ({t('case.groundSuggested')})</span>}
        </p>
        <FieldError id="ground-error" text={errors.legalGround} />
      </div>
      <div className="field">
        <label htmlFor="decision-note">{t('case.note')}</label>
        <textarea
          id="decision-note"
          rows={4}
          maxLength={10000}
          {...field.text('note')}
          {...errorLink(errors.note, 'note-error', 'note-hint')}
        />
        <small id="note-hint" className="hint">
          {t('case.noteHint')}
        </small>
        <FieldError id="note-error" text={errors.note} />
      </div>
      <fieldset aria-describedby={errorLink(errors.contact, 'contact-error')['aria-describedby']}>
        <legend>{t('case.contact')}</legend>
        <div className="form-grid">
          {contactField('contact-phone', 'phone', 'tel', 40)}
          {contactField('contact-address', 'address', 'text', 500)}
        </div>
        <label className="choice">
          <input id="contact-consent" type="checkbox" {...field.checkbox('consent')} />
          {t('case.consent')}
        </label>
        <FieldError id="contact-error" text={errors.contact} />
      </fieldset>
      <Button id="decision-save" type="submit" disabled={busy}>
        {t('case.saveDecision')} <kbd>Alt+{SAVE_KEY}</kbd>
      </Button>
    </form>
  );
});

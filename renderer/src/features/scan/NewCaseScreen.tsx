// Owns reading a passport without the camera: typed or pasted MRZ lines (or a desk reader's burst),
// checked as the officer types, then opened as a case.
import { useMemo, useState, type FormEvent } from 'react';
import { normaliseMrzInput, parseMrz } from '../../../../shared/mrz';
import { Button, ErrorBanner, NoticeBanner } from '../../components/form';
import { call } from '../../lib/client';
import { useI18n } from '../../lib/i18n';

export function NewCaseScreen({ initialMrz, fromReader, onOpened }: { initialMrz: string; fromReader: boolean; onOpened: (caseId: string) => void }) {
  const { t, errorText } = useI18n();
  const [mrz, setMrz] = useState(initialMrz);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const preview = useMemo(() => {
    if (mrz.trim().length === 0) return null;
    return parseMrz(normaliseMrzInput(mrz).lines);
  }, [mrz]);
  const failedChecks = preview?.checks.filter((check) => !check.valid).map((check) => check.name) ?? [];

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    const result = await call('cases.open', { source: fromReader && mrz === initialMrz ? 'reader' : 'manual', mrz });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    onOpened(result.value.id);
  }

  return (
    <main className="panel">
      <h1>{t('scan.title')}</h1>
      <p>{t('scan.intro')}</p>
      <p className="hint">{t('scan.noCamera')}</p>
      {fromReader && <NoticeBanner text={t('scan.readerCaptured')} />}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="mrz-input">{t('scan.mrzLabel')}</label>
          <textarea
            id="mrz-input"
            className="mrz-input"
            rows={3}
            spellCheck={false}
            autoFocus
            value={mrz}
            onChange={(e) => setMrz(e.target.value)}
            onKeyDown={(e) => {
              // Enter opens the case once the lines are complete; Shift+Enter adds a line.
              if (e.key === 'Enter' && !e.shiftKey && preview?.format) {
                e.preventDefault();
                void submit();
              }
            }}
          />
        </div>
        {preview && (
          <div className="mrz-preview" data-testid="mrz-preview">
            {preview.format ? (
              <>
                <span>
                  {t('scan.format')}: <strong>{preview.format}</strong> · {preview.documentNumber} · {preview.primaryIdentifier}, {preview.secondaryIdentifier}
                </span>
                {failedChecks.length === 0 ? (
                  <span className="ok">✓ {t('scan.allChecksOk')}</span>
                ) : (
                  <span className="bad">✗ {t('scan.checkFailed', { fields: failedChecks.join(', ') })}</span>
                )}
              </>
            ) : (
              <span className="bad">{t('scan.notMrz')}</span>
            )}
          </div>
        )}
        <ErrorBanner text={error} />
        <Button type="submit" disabled={busy || !preview?.format}>
          {t('scan.open')} <kbd>Enter</kbd>
        </Button>
      </form>
    </main>
  );
}

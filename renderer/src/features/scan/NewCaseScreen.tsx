// Owns reading a passport: the camera's reading, typed or pasted MRZ lines, or a desk reader's burst,
// checked as the officer types, then opened as a case with the source the lines came from.
import { useCallback, useMemo, useRef, useState, type FormEvent } from 'react';
import { documentFaultOf, normaliseMrzInput, parseMrz, type DocumentFault } from '../../../../shared/mrz';
import { Button, ErrorBanner, NoticeBanner } from '../../components/Form';
import { useI18n } from '../../lib/i18n';
import { useAction } from '../../lib/use-call';
import { CameraPanel } from './CameraPanel';
import type { CameraReading } from '../../lib/use-camera';

export function NewCaseScreen({
  initialMrz,
  fromReader,
  onOpened,
  onSlip,
}: {
  initialMrz: string;
  fromReader: boolean;
  onOpened: (caseId: string) => void;
  /** A referral slip's QR code shown to the camera: open that case. */
  onSlip: (caseNumber: string) => void;
}) {
  const { t } = useI18n();
  const [mrz, setMrz] = useState(initialMrz);
  const opening = useAction();
  const { setError } = opening;
  // The lines as the camera gave them: the case's source is 'camera' only while the field still holds them.
  const [cameraMrz, setCameraMrz] = useState<string | null>(null);
  const [cameraReset, setCameraReset] = useState(0);
  const inputRef = useRef<HTMLTextAreaElement | null>(null);

  const onCameraRead = useCallback((reading: CameraReading) => {
    const text = reading.lines.join('\n');
    setMrz(text);
    setCameraMrz(text);
    setError(null);
    // Enter opens the case: the field must have the focus even if the officer touched the camera choice.
    inputRef.current?.focus();
  }, []);

  function changeMrz(next: string) {
    setMrz(next);
    // A cleared field asks for a new reading, so the passport still in front of the camera is read again.
    if (next.trim().length === 0 && cameraMrz !== null) {
      setCameraMrz(null);
      setCameraReset((n) => n + 1);
    }
  }

  const preview = useMemo(() => {
    if (mrz.trim().length === 0) return null;
    return parseMrz(normaliseMrzInput(mrz).lines);
  }, [mrz]);
  const failedChecks = preview?.checks.filter((check) => !check.valid).map((check) => check.name) ?? [];
  // What is wrong with the document itself (an unknown state, a date that does not exist), check digits or not.
  const faults = [...new Set((preview?.errors ?? []).map(documentFaultOf).filter((fault): fault is DocumentFault => fault !== null))];

  function sourceOf(): 'camera' | 'reader' | 'manual' {
    if (cameraMrz !== null && mrz === cameraMrz) return 'camera';
    return fromReader && mrz === initialMrz ? 'reader' : 'manual';
  }

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const result = await opening.run('cases.open', { source: sourceOf(), mrz });
    if (result.ok) onOpened(result.value.id);
  }

  return (
    <main className="panel">
      <h1>{t('scan.title')}</h1>
      <p>{t('scan.intro')}</p>
      <div className="scan-layout">
        <div>
          {fromReader && <NoticeBanner text={t('scan.readerCaptured')} />}
          {cameraMrz !== null && mrz === cameraMrz && <NoticeBanner text={t('scan.cameraCaptured')} />}
          <form onSubmit={submit}>
            <div className="field">
              <label htmlFor="mrz-input">{t('scan.mrzLabel')}</label>
              <textarea
                id="mrz-input"
                className="mrz-input"
            wrap="off"
                rows={3}
                spellCheck={false}
                autoFocus
                ref={inputRef}
                value={mrz}
                onChange={(e) => changeMrz(e.target.value)}
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
                      <span className="bad">✗ {t('scan.checkFailed', { fields: failedChecks.map((name) => t(`mrzCheck.${name}`)).join(', ') })}</span>
                    )}
                    {faults.map((fault) => (
                      <span key={fault} className="bad" data-fault={fault}>
                        ✗ {t(`case.warning.${fault}`)}
                      </span>
                    ))}
                    {/* Facts about the document (expired, minor …): shown, never a reason to refuse the reading. */}
                    {preview.notices.filter((notice, i, all) => all.findIndex((other) => other.code === notice.code) === i).map((notice) => (
                      <span key={notice.code} className="notice" data-notice={notice.code}>
                        ⚠ {t(`case.warning.${notice.code}`, { date: preview.expiryDate?.iso ?? '—' })}
                      </span>
                    ))}
                  </>
                ) : (
                  <span className="bad">{t('scan.notMrz')}</span>
                )}
              </div>
            )}
            <ErrorBanner text={opening.error} />
            <Button type="submit" disabled={opening.busy || !preview?.format}>
              {t('scan.open')} <kbd>Enter</kbd>
            </Button>
          </form>
        </div>
        <CameraPanel onRead={onCameraRead} onSlip={onSlip} resetSignal={cameraReset} />
      </div>
    </main>
  );
}

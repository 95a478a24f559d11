// Owns printing a referral slip: choose the layout and copies, see the paper, print (Electron prints silently to
// the configured printer; the browser host opens the browser's print, where "Save as PDF" is one of the printers),
// and see how many times and by whom it was printed.
import { useEffect, useState } from 'react';
import { SLIP_LAYOUTS, type PrintRecord, type SlipLayout, type SlipModel } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner, SelectField, TextField } from '../../components/Form';
import { call } from '../../lib/client';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { SlipDocument } from './SlipDocument';
import './slip.css';

/** Paper size and margins for @page; the roll's length follows its content. */
function pageRule(layout: SlipLayout, rollHeightMm: number): string {
  if (layout === 'A4') return '@page { size: A4; margin: 15mm; }';
  if (layout === 'A5') return '@page { size: A5; margin: 10mm; }';
  return `@page { size: 80mm ${Math.max(100, Math.ceil(rollHeightMm))}mm; margin: 4mm; }`;
}

const SHELL_NOTICES = { printed: 'slip.sentToPrinter', saved: 'slip.savedPdf', cancelled: 'slip.cancelled' } as const;

export function SlipScreen({ caseId }: { caseId: string }) {
  const { t, errorText, language } = useI18n();
  const [slip, setSlip] = useState<SlipModel | null>(null);
  const [layout, setLayout] = useState<SlipLayout>('A5');
  const [copies, setCopies] = useState(1);
  const [prints, setPrints] = useState<PrintRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [rollHeightMm, setRollHeightMm] = useState(200);

  useEffect(() => {
    void call('slips.get', { caseId }).then((result) => {
      if (!result.ok) return setError(errorText(result.error));
      setSlip(result.value.slip);
      setLayout(result.value.layout);
      setCopies(result.value.copies);
      setPrints(result.value.prints);
    });
  }, [caseId, errorText]);

  // The roll is as long as the slip: measure it once laid out (96 CSS px per inch, 25.4 mm per inch).
  useEffect(() => {
    const element = document.querySelector('.slip-ROLL80');
    if (element) setRollHeightMm((element.getBoundingClientRect().height * 25.4) / 96 + 10);
  }, [slip, layout]);

  async function print(toPdf = false) {
    setError(null);
    if (!slip) return;
    const result = await call('slips.print', { caseId: slip.caseId, layout, copies, toPdf });
    if (!result.ok) return setError(errorText(result.error));
    setPrints(result.value.prints);
    // Electron prints or saves itself, and says when the officer cancelled; in the browser, its print window does both ("Save as PDF").
    const outcome = result.value.shellOutcome;
    if (outcome === null) window.print();
    else setNotice(t(SHELL_NOTICES[outcome]));
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && event.key.toUpperCase() === 'C') {
        event.preventDefault();
        void print();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!slip) return <main className="panel">{error ? <ErrorBanner text={error} /> : <p>{t('app.loading')}</p>}</main>;
  return (
    <main className="slip-screen">
      <style>{pageRule(layout, rollHeightMm)}</style>
      <div className="no-print">
        <h1>{t('slip.title', { number: slip.caseNumber })}</h1>
        <ErrorBanner text={error} />
        <NoticeBanner text={notice} />
        <div className="slip-controls">
          <SelectField label={t('slip.layout')} value={layout} onChange={(e) => setLayout(e.target.value as SlipLayout)}>
            {SLIP_LAYOUTS.map((option) => (
              <option key={option} value={option}>
                {t(`slip.layout.${option}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('slip.copies')} type="number" min={1} max={5} value={copies} onChange={(e) => setCopies(Math.min(5, Math.max(1, Number(e.target.value) || 1)))} />
          <Button onClick={() => void print()} autoFocus>
            {prints.length > 0 ? t('slip.reprint') : t('slip.print')} <kbd>Alt+C</kbd>
          </Button>
          <Button variant="secondary" onClick={() => void print(true)}>
            {t('slip.savePdf')}
          </Button>
        </div>
        <p className="hint">{t('slip.pdfHint')}</p>
        <p data-testid="print-count">
          {prints.length === 0
            ? t('slip.neverPrinted')
            : t(prints.length === 1 ? 'slip.printedOnce' : 'slip.printedTimes', { count: prints.length, list: prints.map((p) => `${p.officerName} (${formatDateTime(p.at, language)}, ${p.layout}${p.toPdf ? ', PDF' : ''})`).join('; ') })}
        </p>
      </div>
      <div className={`slip-paper paper-${layout}`}>
        <SlipDocument slip={slip} layout={layout} />
      </div>
    </main>
  );
}

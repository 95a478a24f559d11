// Owns printing a referral slip: choose the layout and copies, see the paper, print (Electron prints silently to
// the configured printer; the browser host opens the browser's print, where "Save as PDF" is one of the printers),
// and see how many times and by whom it was printed.
import { useEffect, useState } from 'react';
import { SLIP_LAYOUTS, type SlipLayout } from '../../../../shared/contract';
import { Button, ErrorBanner, NoticeBanner, SelectField, TextField } from '../../components/Form';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall } from '../../lib/use-call';
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
  const { t, language } = useI18n();
  const loaded = useCall('slips.get', { caseId });
  const slip = loaded.value?.slip ?? null;
  // Paper and copies start as the desk's settings say, until the officer chooses.
  const [chosen, setChosen] = useState<{ layout?: SlipLayout; copies?: number }>({});
  const layout = chosen.layout ?? loaded.value?.layout ?? 'A5';
  const copies = chosen.copies ?? loaded.value?.copies ?? 1;
  const prints = loaded.value?.prints ?? [];
  const printing = useAction();
  const [notice, setNotice] = useState<string | null>(null);
  const [rollHeightMm, setRollHeightMm] = useState(200);

  // The roll is as long as the slip: measure it once laid out (96 CSS px per inch, 25.4 mm per inch).
  useEffect(() => {
    const element = document.querySelector('.slip-ROLL80');
    if (element) setRollHeightMm((element.getBoundingClientRect().height * 25.4) / 96 + 10);
  }, [slip, layout]);

  async function print(toPdf = false) {
    if (!slip || !loaded.value) return;
    const shown = loaded.value;
    const result = await printing.run('slips.print', { caseId: slip.caseId, layout, copies, toPdf });
    if (!result.ok) return;
    loaded.setValue({ ...shown, prints: result.value.prints });
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

  if (!slip) return <main className="panel">{loaded.error ? <ErrorBanner text={loaded.error} /> : <p>{t('app.loading')}</p>}</main>;
  return (
    <main className="slip-screen">
      <style>{pageRule(layout, rollHeightMm)}</style>
      <div className="no-print">
        <h1>{t('slip.title', { number: slip.caseNumber })}</h1>
        <ErrorBanner text={printing.error} />
        <NoticeBanner text={notice} />
        <div className="slip-controls">
          <SelectField label={t('slip.layout')} value={layout} onChange={(e) => setChosen({ ...chosen, layout: e.target.value as SlipLayout })}>
            {SLIP_LAYOUTS.map((option) => (
              <option key={option} value={option}>
                {t(`slip.layout.${option}`)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('slip.copies')} type="number" min={1} max={5} value={copies} onChange={(e) => setChosen({ ...chosen, copies: Math.min(5, Math.max(1, Number(e.target.value) || 1)) })} />
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

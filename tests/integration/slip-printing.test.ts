// A print is recorded only once the shell says it happened: a cancelled save or print dialog leaves no print, no
// event and no audit line, and the answer says "cancelled", never "saved". The shell's printer and save dialog
// are given at open like Electron's; here they answer as an officer who cancels or confirms would.
import { afterEach, describe, expect, it } from 'vitest';
import { SITI_MRZ } from '../fixtures/travellers';
import type { SlipLayout } from '../../shared/contract';
import type { ShellCapabilities } from '../../electron/core/types';
import { openDeskWithAdmin, type TestDesk } from './core-harness';

let desk: TestDesk | undefined;
afterEach(() => desk?.close());

/** A shell whose officer answers each dialog in turn: true confirms, false cancels. */
function shellAnswering(answers: boolean[]) {
  const asked: { kind: 'print' | 'pdf'; detail: string }[] = [];
  const shell: ShellCapabilities = {
    printSlip: async (layout: SlipLayout, copies: number, printerName: string) => {
      asked.push({ kind: 'print', detail: `${layout}x${copies}@${printerName}` });
      return answers.shift() ?? false;
    },
    savePagePdf: async (fileName: string) => {
      asked.push({ kind: 'pdf', detail: fileName });
      return answers.shift() ?? false;
    },
    saveFile: () => Promise.reject(new Error('a slip is never saved as a plain file')),
  };
  return { shell, asked };
}

async function decidedCase(d: TestDesk): Promise<{ id: string; caseNumber: string }> {
  const opened = await d.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
  await d.must('cases.recordAnswers', { caseId: opened.id, answers: { purpose: 'work', id_pmi: 'none' } });
  return d.must('cases.decide', { caseId: opened.id, outcome: 'tunda', reasons: ['NO_ID_PMI'], legalGround: 'UU18_2017_PMI_PROTECTION', note: 'Tidak ada ID PMI.' });
}

const printActions = async (d: TestDesk) => (await d.must('audit.recent', { limit: 200 })).filter((e) => e.action.startsWith('slip.') && e.action !== 'slip.viewed');

describe('printing through the shell', () => {
  it('records nothing when the officer cancels the PDF save, and says cancelled', async () => {
    const { shell, asked } = shellAnswering([false]);
    desk = await openDeskWithAdmin({ shell });
    const decided = await decidedCase(desk);
    const result = await desk.must('slips.print', { caseId: decided.id, layout: 'A5', copies: 1, toPdf: true });
    expect(asked).toEqual([{ kind: 'pdf', detail: `${decided.caseNumber}.pdf` }]);
    expect(result).toMatchObject({ printedByShell: true, shellOutcome: 'cancelled', prints: [] });
    expect((await desk.must('slips.get', { caseId: decided.id })).prints).toEqual([]);
    expect(await printActions(desk)).toEqual([]);
  });

  it('records a print once the shell saved or printed it, on the configured printer, and a reprint after', async () => {
    const { shell, asked } = shellAnswering([true, false, true]);
    desk = await openDeskWithAdmin({ shell });
    await desk.must('settings.update', { printerName: 'Epson TM-T82' });
    const decided = await decidedCase(desk);
    const saved = await desk.must('slips.print', { caseId: decided.id, layout: 'A5', copies: 1, toPdf: true });
    expect(saved).toMatchObject({ shellOutcome: 'saved', prints: [{ toPdf: true, reprint: false }] });
    // The print dialog the shell fell back to was cancelled: still one print.
    const cancelled = await desk.must('slips.print', { caseId: decided.id, layout: 'ROLL80', copies: 2, toPdf: false });
    expect(cancelled).toMatchObject({ shellOutcome: 'cancelled' });
    expect(cancelled.prints).toHaveLength(1);
    const printed = await desk.must('slips.print', { caseId: decided.id, layout: 'ROLL80', copies: 2, toPdf: false });
    expect(printed).toMatchObject({ shellOutcome: 'printed' });
    expect(printed.prints.map((p) => [p.layout, p.copies, p.toPdf, p.reprint])).toEqual([
      ['A5', 1, true, false],
      ['ROLL80', 2, false, true],
    ]);
    expect(asked.map((a) => a.detail)).toEqual([`${decided.caseNumber}.pdf`, 'ROLL80x2@Epson TM-T82', 'ROLL80x2@Epson TM-T82']);
    expect((await printActions(desk)).map((e) => e.action).sort()).toEqual(['slip.printed', 'slip.reprinted']);
  });

  it('without a shell (the browser host) records the print and leaves printing to the renderer', async () => {
    desk = await openDeskWithAdmin();
    const decided = await decidedCase(desk);
    const result = await desk.must('slips.print', { caseId: decided.id, layout: 'A4', copies: 1, toPdf: false });
    expect(result).toMatchObject({ printedByShell: false, shellOutcome: null, prints: [{ layout: 'A4' }] });
  });

  it('asks no shell for a case that is not decided', async () => {
    const { shell, asked } = shellAnswering([true]);
    desk = await openDeskWithAdmin({ shell });
    const opened = await desk.must('cases.open', { source: 'manual', mrz: SITI_MRZ });
    expect(await desk.call('slips.print', { caseId: opened.id, layout: 'A5', copies: 1, toPdf: true })).toMatchObject({ ok: false, error: { reason: 'slipBeforeDecision' } });
    expect(asked).toEqual([]);
  });
});

// Two real desks, enrolled with a real hub on a throwaway PostgreSQL cluster, in the supervisors' review (issue 17):
// every desk starts as "Meja 1", and names may repeat, so the review keys desks by the code their case numbers carry
// (the hub gives each its own) and each desk takes the name the hub admin gave it at enrolment. Desk 1's queue, its
// desk filter, the report's by-desk breakdown and the CSV must tell the two desks apart even when both are "Meja 1".
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../support/csv-parse';
import { openDeskWithAdmin, deskAdmin, type TestDesk } from '../core-harness';
import { HOLD, hubForThisFile, MANUAL_SYNC, passport, synced } from './sync-harness';

const shared = hubForThisFile();

async function deskNamedByHub(deskCode: string, hubName: string): Promise<TestDesk> {
  const desk = await openDeskWithAdmin(MANUAL_SYNC, undefined, deskAdmin(deskCode));
  shared.track(desk);
  expect((await desk.must('settings.get', {})).deskName).toBe('Meja 1');
  const { code } = await shared.hub.hub.services.desks.createDesk('PLM', deskCode, hubName);
  await desk.must('sync.enroll', { hubUrl: shared.hub.url, code });
  return desk;
}

async function hold(desk: TestDesk, documentNumber: string): Promise<string> {
  desk.clock.advanceMinutes(1);
  const opened = await desk.must('cases.open', { source: 'manual', mrz: passport(documentNumber) });
  await desk.must('cases.decide', { caseId: opened.id, ...HOLD });
  return opened.caseNumber;
}

describe('desks in the review', () => {
  it('tells two desks apart by code in the queue, its desk filter, the report and the CSV, whatever their names', async () => {
    const one = await deskNamedByHub('D01', 'Meja 1');
    const two = await deskNamedByHub('D02', 'Meja 2');
    // Each desk takes the hub admin's name at enrolment: desk 2 no longer calls itself "Meja 1".
    expect((await two.must('settings.get', {})).deskName).toBe('Meja 2');
    const fromOne = [await hold(one, 'H4100001'), await hold(one, 'H4100002')];
    two.clock.now = new Date(one.clock.now);
    // A desk's own admin may still name it as they like, even as another desk is named.
    await two.must('settings.update', { deskName: 'Meja 1' });
    const fromTwo = [await hold(two, 'H4100003')];
    await synced(two);
    await synced(one);

    const day = one.clock.now.toISOString().slice(0, 10);
    const window = { from: `${day}T00:00:00Z`, to: `${day}T23:59:59Z` };
    const queue = await one.must('review.queue', window);
    expect(queue.rows.map((row) => [row.caseNumber, row.deskCode, row.deskName])).toEqual([
      [fromOne[0], 'PLM-D01', 'Meja 1'],
      [fromOne[1], 'PLM-D01', 'Meja 1'],
      [fromTwo[0], 'PLM-D02', 'Meja 1'],
    ]);
    expect(queue.choices.desks).toEqual([
      { code: 'PLM-D01', name: 'Meja 1' },
      { code: 'PLM-D02', name: 'Meja 1' },
    ]);
    const onlyTwo = await one.must('review.queue', { ...window, desk: 'PLM-D02' });
    expect(onlyTwo.rows.map((row) => row.caseNumber)).toEqual(fromTwo);
    const onlyOne = await one.must('review.queue', { ...window, desk: 'PLM-D01', sort: 'desk', descending: true });
    expect(onlyOne.rows.map((row) => row.caseNumber)).toEqual(fromOne);
    // A desk's name is not a desk: the contract refuses it as a filter rather than matching nothing, or both.
    expect(await one.call('review.queue', { ...window, desk: 'Meja 1' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const report = await one.must('review.report', { period: 'day', day, utcOffset: '+00:00' });
    expect(report.breakdowns.desk).toEqual([
      { key: 'PLM-D01', current: 2, previous: 0 },
      { key: 'PLM-D02', current: 1, previous: 0 },
    ]);
    const reportTwo = await one.must('review.report', { period: 'day', day, utcOffset: '+00:00', desk: 'PLM-D02' });
    expect(reportTwo.totals.holds.current).toBe(1);

    const exported = await one.must('review.exportCsv', window);
    const [header, ...rows] = parseCsv(exported.csv!.replace(/^\uFEFF/, ''));
    const column = (name: string) => header!.indexOf(name);
    expect(rows.map((row) => [row[column('case_number')], row[column('desk_code')], row[column('desk_name')]])).toEqual([
      [fromOne[0], 'PLM-D01', 'Meja 1'],
      [fromOne[1], 'PLM-D01', 'Meja 1'],
      [fromTwo[0], 'PLM-D02', 'Meja 1'],
    ]);
  });
});

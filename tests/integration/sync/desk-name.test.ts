// A desk's name at the hub (#14): the admin's `enroll --name` takes a name's rule, and a desk renamed after enrolment
// is listed under its new name after its next sync. Real desks, a real PostgreSQL hub.
import { expect, it } from 'vitest';
import { enrolledDesk, hubForThisFile, synced, write } from './sync-harness';

const shared = hubForThisFile();

const listedName = async (deskCode: string) => (await shared.hub.hub.services.desks.list()).find((desk) => desk.deskCode === deskCode)?.name;

it('lists a desk renamed after enrolment under its new name after its next sync', async () => {
  const desk = shared.track(await enrolledDesk(shared.hub, 'PLM', 'N1'));
  await synced(desk);
  expect(await listedName('N1')).toBe('PLM N1');
  await desk.must('settings.update', { deskName: 'Meja Gerbang 3' });
  expect(await listedName('N1')).toBe('PLM N1');
  await synced(desk);
  expect(await listedName('N1')).toBe('Meja Gerbang 3');
  // A name kept from before names were checked is not sent (the hub would refuse the report): the sync goes on.
  write(desk, `UPDATE settings SET value = '"Meja\\n4"' WHERE key = 'deskName'`);
  expect(await synced(desk)).toMatchObject({ state: 'idle', problem: null });
  expect(await listedName('N1')).toBe('Meja Gerbang 3');
}, 120_000);

it("refuses a desk name with control characters or bidi overrides from the hub's admin", async () => {
  const { desks } = shared.hub.hub.services;
  for (const name of ['Meja\n2', 'Meja\t2', 'Meja \u202Egnp.exe', 'Meja\u20662', '\u0007', '']) {
    await expect(desks.createDesk('PLM', 'N9', name)).rejects.toMatchObject({ code: 'invalid_request' });
  }
  expect(await listedName('N9')).toBeUndefined();
  await desks.createDesk('PLM', 'N9', 'مكتب ٢ (Meja 2)');
  expect(await listedName('N9')).toBe('مكتب ٢ (Meja 2)');
}, 60_000);

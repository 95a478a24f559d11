// The cross-airport history lookup on real desks and a real hub on a throwaway PostgreSQL cluster: a traveller held
// at CGK comes up when PLM opens the case before PLM has pulled it; once pulled it is in the case's own history and
// the hub's answer no longer repeats it; a stopped or silent hub gives "could not ask" within the lookup's short
// wait; a desk with no hub is never said to have failed; the read is audited; a signed-out desk is refused.
import { createServer, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { openDeskWithAdmin } from '../core-harness';
import { enrolledDesk, HOLD, hubForThisFile, MANUAL_SYNC, passport, synced, write } from './sync-harness';

const shared = hubForThisFile();
const { track } = shared;
/** Far shorter than the sync's own request timeout (MANUAL_SYNC: 5 s), so a test can tell which one applied. */
const LOOKUP_MS = 400;
const SHORT_LOOKUP = { syncTiming: { ...MANUAL_SYNC.syncTiming, historyTimeoutMs: LOOKUP_MS } };

describe('history from the hub', () => {
  it("shows a traveller held at CGK when PLM opens the case before pulling, then leaves it to PLM's own history", async () => {
    const cgk = track(await enrolledDesk(shared.hub, 'CGK', 'T3A'));
    // The lookup's own 3 s wait: a loaded test machine must not turn an answer into "could not ask".
    const plm = track(await enrolledDesk(shared.hub, 'PLM', 'H01'));
    // The sync that enrolling starts is over before CGK records anything.
    await synced(plm);
    const held = await cgk.must('cases.open', { source: 'manual', mrz: passport('X7000001') });
    await cgk.must('cases.decide', { caseId: held.id, ...HOLD });
    await synced(cgk);

    // PLM has not pulled: its own history knows nothing, the hub does.
    const atPlm = await plm.must('cases.open', { source: 'manual', mrz: passport('X7000001') });
    expect(atPlm.history).toEqual([]);
    const asked = await plm.must('cases.hubHistory', { caseId: atPlm.id });
    expect(asked.state).toBe('answered');
    expect(asked.encounters).toEqual([expect.objectContaining({ caseId: held.id, caseNumber: held.caseNumber, airportCode: 'CGK', deskCode: 'T3A', decision: 'tunda' })]);
    // Another document is not this traveller.
    const other = await plm.must('cases.open', { source: 'manual', mrz: passport('X7000002') });
    expect(await plm.must('cases.hubHistory', { caseId: other.id })).toEqual({ state: 'answered', encounters: [] });

    // Audited as a read of case details: who, which case, what came back.
    const audit = await plm.must('audit.recent', { limit: 20 });
    expect(audit.find((e) => e.action === 'case.hub_history_read' && (e.detail as { caseId: string }).caseId === atPlm.id)?.detail).toEqual({
      caseId: atPlm.id,
      caseNumber: atPlm.caseNumber,
      answer: 'answered',
      encounters: 1,
    });

    // Pulled: the hold is in the case's own history, and the hub's answer does not show it twice.
    await synced(plm);
    expect((await plm.must('cases.get', { caseId: atPlm.id })).history[0]).toMatchObject({ id: held.id, decision: 'tunda' });
    expect(await plm.must('cases.hubHistory', { caseId: atPlm.id })).toEqual({ state: 'answered', encounters: [] });
  });

  it('says the hub could not be asked when it is stopped, or silent, within the short wait', async () => {
    const proxy = await shared.proxy();
    // A hub that takes the connection and never answers (hung, or a network that swallows packets).
    const silentSockets = new Set<Socket>();
    const silent: Server = createServer((socket) => silentSockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const plm = track(await enrolledDesk(shared.hub, 'PLM', 'H02', proxy.url, SHORT_LOOKUP));
      const opened = await plm.must('cases.open', { source: 'manual', mrz: passport('X7000003') });
      proxy.setMode('refuse');
      expect(await plm.must('cases.hubHistory', { caseId: opened.id })).toEqual({ state: 'unreachable', encounters: [] });

      // Point the desk at the silent hub: the lookup gives up after its own short wait, not the sync's 5 s.
      const port = (silent.address() as { port: number }).port;
      write(plm, 'UPDATE sync_state SET hub_url = ?', `http://127.0.0.1:${port}`);
      const started = performance.now();
      expect(await plm.must('cases.hubHistory', { caseId: opened.id })).toEqual({ state: 'unreachable', encounters: [] });
      expect(performance.now() - started).toBeLessThan(MANUAL_SYNC.syncTiming!.requestTimeoutMs!);
      const audit = await plm.must('audit.recent', { limit: 5 });
      expect(audit.find((e) => e.action === 'case.hub_history_read')?.detail).toMatchObject({ caseId: opened.id, answer: 'unreachable', encounters: 0 });
    } finally {
      for (const socket of silentSockets) socket.destroy();
      silent.close();
      await proxy.close();
    }
  });

  it('tells a desk with no hub that there is none to ask, and refuses a signed-out desk', async () => {
    const alone = track(await openDeskWithAdmin(MANUAL_SYNC));
    const opened = await alone.must('cases.open', { source: 'manual', mrz: passport('X7000004') });
    expect(await alone.must('cases.hubHistory', { caseId: opened.id })).toEqual({ state: 'not_enrolled', encounters: [] });
    expect(await alone.call('cases.hubHistory', { caseId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    await alone.must('session.signOut', {});
    expect(await alone.call('cases.hubHistory', { caseId: opened.id })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });
});

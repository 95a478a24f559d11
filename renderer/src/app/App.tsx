// Owns the app frame: which screen shows (setup, sign-in, lock, home and its tasks), from the core's own state.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DecisionDraft, OutputOf, SessionView } from '../../../shared/contract';
import { ErrorBanner } from '../components/Form';
import { AuditScreen } from '../features/audit/AuditScreen';
import { DiagnosticsScreen } from '../features/audit/DiagnosticsScreen';
import { CaseScreen } from '../features/case/CaseScreen';
import { HomeScreen, type Destination } from '../features/home/HomeScreen';
import { LockScreen } from '../features/lock/LockScreen';
import { OfficersScreen } from '../features/officers/OfficersScreen';
import { ReferenceScreen } from '../features/reference/ReferenceScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { CaseReviewScreen } from '../features/daily-review/CaseReviewScreen';
import { DailyReviewScreen } from '../features/daily-review/DailyReviewScreen';
import { ReportScreen } from '../features/report/ReportScreen';
import { NewCaseScreen } from '../features/scan/NewCaseScreen';
import { SlipScreen } from '../features/slip/SlipScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { FirstRunScreen } from '../features/setup/FirstRunScreen';
import { SignInScreen } from '../features/sign-in/SignInScreen';
import { call, hasBridge, on } from '../lib/client';
import { useI18n } from '../lib/i18n';
import { useAppValidationMessages } from '../lib/use-app-validation';
import { useAction } from '../lib/use-call';
import { BOARDING_PASS_EVENT, useKeyboardWedge } from '../lib/use-keyboard-wedge';
import { Header } from './Header';
import { useActivityReporter } from './use-activity-reporter';
import { useDraftStash, type StashPlace } from './use-draft-stash';

type AppInfo = OutputOf<'app.info'>;
type Route =
  | { name: 'home' }
  | { name: Exclude<Destination, 'new-case'> }
  | { name: 'new-case'; mrz: string; fromReader: boolean; key: number }
  | { name: 'case' | 'slip' | 'review-case'; caseId: string };
const HOME: Route = { name: 'home' };

export function App() {
  const { t, language, applyDefaultLanguage } = useI18n();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const [route, setRoute] = useState<Route>(HOME);
  const [connectionLost, setConnectionLost] = useState(false);
  /** The decision form as it was when the desk locked, handed back to the case screen once. */
  const [restoredDecision, setRestoredDecision] = useState<DecisionDraft | null>(null);
  /** Between a lock and the answer to "where was I?": nothing shows yet, so no screen starts without its draft. */
  const [restoring, setRestoring] = useState(false);
  const beforeLeave = useRef<(() => Promise<unknown>) | null>(null);
  const setBeforeLeave = useCallback((flush: (() => Promise<unknown>) | null) => (beforeLeave.current = flush), []);

  // What the frame does (lock, sign out, return to the draft): busy state and one refusal, shown above the screen.
  const shell = useAction();
  const { setError: setShellError } = shell;
  useEffect(() => setShellError(null), [route, setShellError]);

  // By hand rather than useCall: app.info and session.status are two answers kept up to date by the core's events
  // (session.changed, sync.status) as much as by asking, and a failure of either is not a refusal to word but a lost
  // connection to the core, shown as its own banner and asked again until it is back.
  const refresh = useCallback(async () => {
    const [infoResult, sessionResult] = await Promise.all([call('app.info', {}), call('session.status', {})]);
    setConnectionLost(!infoResult.ok || !sessionResult.ok);
    if (infoResult.ok) setInfo(infoResult.value);
    if (sessionResult.ok) setSession(sessionResult.value);
    return infoResult;
  }, []);

  useEffect(() => {
    void refresh().then((result) => {
      if (result.ok) applyDefaultLanguage(result.value.defaultLanguage);
    });
    const offSession = on('session.changed', ({ session: next }) => {
      setSession(next);
      if (!next) setRoute(HOME);
    });
    // The core announces every sync it runs in the background.
    const offSync = on('sync.status', (sync) => setInfo((current) => current && { ...current, sync }));
    return () => {
      offSession();
      offSync();
    };
  }, [refresh, applyDefaultLanguage]);

  // While the connection is lost, keep trying; nothing on screen pretends to be saved meanwhile.
  useEffect(() => {
    if (!connectionLost) return;
    const timer = setInterval(() => void refresh(), 3000);
    return () => clearInterval(timer);
  }, [connectionLost, refresh]);

  useActivityReporter(session);
  useAppValidationMessages();
  const locked = session?.locked === true;
  useEffect(() => {
    if (locked) setRestoring(true);
  }, [locked]);
  const signedIn = session !== null && !session.locked;
  const place: StashPlace = route.name === 'case' || route.name === 'slip' ? { screen: route.name, caseId: route.caseId } : null;
  const stash = useDraftStash(place, signedIn);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  // A desk reader's burst opens a new reading from any screen of a signed-in, unlocked desk; a boarding pass goes to
  // the open case's onward-ticket question and leaves the screen as it is.
  useKeyboardWedge((burst) => {
    if (burst.kind === 'boarding_pass') window.dispatchEvent(new CustomEvent(BOARDING_PASS_EVENT, { detail: burst.text }));
    else if (burst.kind === 'slip') setRoute({ name: 'case', caseId: burst.text });
    else setRoute({ name: 'new-case', mrz: burst.text, fromReader: true, key: Date.now() });
  }, signedIn);
  const newCase = useCallback(() => setRoute({ name: 'new-case', mrz: '', fromReader: false, key: Date.now() }), []);

  if (!hasBridge) {
    return (
      <main className="panel narrow">
        <h1>{t('app.title')}</h1>
        <ErrorBanner text={t('app.noSecret')} />
      </main>
    );
  }
  if (!info) return <p className="loading">{connectionLost ? t('app.connectionLost') : t('app.loading')}</p>;

  const afterSignIn = () => {
    setRoute(HOME);
    setRestoring(false);
    void refresh();
  };
  // Unlocking returns the officer to where they were; the core hands a draft only to the officer who left it.
  const afterUnlock = async () => {
    const draft = await shell.run('session.draft', {});
    if (draft.ok && draft.value) {
      setRestoredDecision(draft.value.decision);
      setRoute({ name: draft.value.screen, caseId: draft.value.caseId });
    } else setRoute(HOME);
    setRestoring(false);
    void refresh();
  };
  const lock = async () => {
    // What is typed is saved (answers) or stashed (the decision form) before the desk locks.
    await beforeLeave.current?.();
    await stash.flush();
    const result = await shell.run('session.lock', {});
    if (result.ok) setSession(result.value);
  };
  const openCase = (caseId: string) => {
    setRestoredDecision(null);
    setRoute({ name: 'case', caseId });
  };

  let screen;
  if (info.setupNeeded) screen = <FirstRunScreen onDone={afterSignIn} />;
  else if (!session) screen = <SignInScreen onSignedIn={afterSignIn} />;
  else if (session.locked) screen = <LockScreen session={session} onChanged={() => void afterUnlock()} />;
  else if (restoring) screen = <p className="loading">{t('app.loading')}</p>;
  else if (route.name === 'officers') screen = <OfficersScreen />;
  else if (route.name === 'settings') screen = <SettingsScreen onSaved={() => void refresh()} />;
  else if (route.name === 'audit') screen = <AuditScreen />;
  else if (route.name === 'diagnostics') screen = <DiagnosticsScreen officer={session.officer} />;
  else if (route.name === 'reference') screen = <ReferenceScreen />;
  else if (route.name === 'review') screen = <ReviewScreen onOpenCase={openCase} />;
  else if (route.name === 'daily-review') screen = <DailyReviewScreen onOpenCase={(caseId) => setRoute({ name: 'review-case', caseId })} />;
  else if (route.name === 'report') screen = <ReportScreen officer={session.officer} />;
  else if (route.name === 'review-case')
    screen = <CaseReviewScreen key={route.caseId} caseId={route.caseId} officer={session.officer} onBack={() => setRoute({ name: 'daily-review' })} />;
  else if (route.name === 'new-case')
    screen = <NewCaseScreen key={route.key} initialMrz={route.mrz} fromReader={route.fromReader} onOpened={openCase} onSlip={openCase} />;
  else if (route.name === 'case')
    screen = (
      <CaseScreen
        key={route.caseId}
        caseId={route.caseId}
        officer={session.officer}
        restoredDecision={restoredDecision}
        onDraft={stash.setDecision}
        onBeforeLeave={setBeforeLeave}
        onNext={newCase}
        onOpenSlip={(caseId) => setRoute({ name: 'slip', caseId })}
      />
    );
  else if (route.name === 'slip') screen = <SlipScreen caseId={route.caseId} />;
  else screen = <HomeScreen officer={session.officer} onNavigate={(name) => (name === 'new-case' ? newCase() : setRoute({ name }))} />;

  return (
    <div className="app">
      <Header
        deskName={info.deskName}
        demo={info.demo}
        sync={info.sync}
        session={session}
        onBack={signedIn && route.name !== 'home' ? () => setRoute(HOME) : null}
        onLock={() => void lock()}
        onSignOut={() => void shell.run('session.signOut', {}).then(() => void refresh())}
      />
      {connectionLost && <ErrorBanner text={t('app.connectionLost')} />}
      {shell.error && <ErrorBanner text={shell.error} />}
      {screen}
    </div>
  );
}

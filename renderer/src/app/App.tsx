// Owns the app frame: which screen shows (setup, sign-in, lock, home and its tasks), from the core's own state.
import { useCallback, useEffect, useState } from 'react';
import type { OutputOf, SessionView } from '../../../shared/contract';
import { ErrorBanner } from '../components/form';
import { AuditScreen } from '../features/audit/AuditScreen';
import { HomeScreen, type Route } from '../features/home/HomeScreen';
import { LockScreen } from '../features/lock/LockScreen';
import { OfficersScreen } from '../features/officers/OfficersScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { FirstRunScreen } from '../features/setup/FirstRunScreen';
import { SignInScreen } from '../features/sign-in/SignInScreen';
import { call, hasBridge, on } from '../lib/client';
import { useI18n } from '../lib/i18n';
import { Header } from './Header';
import { useActivityReporter } from './use-activity-reporter';

type AppInfo = OutputOf<'app.info'>;

export function App() {
  const { t, applyDefaultLanguage } = useI18n();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [session, setSession] = useState<SessionView | null>(null);
  const [route, setRoute] = useState<Route>('home');
  const [connectionLost, setConnectionLost] = useState(false);

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
    return on('session.changed', ({ session: next }) => {
      setSession(next);
      if (!next) setRoute('home');
    });
  }, [refresh, applyDefaultLanguage]);

  // While the connection is lost, keep trying; nothing on screen pretends to be saved meanwhile.
  useEffect(() => {
    if (!connectionLost) return;
    const timer = setInterval(() => void refresh(), 3000);
    return () => clearInterval(timer);
  }, [connectionLost, refresh]);

  useActivityReporter(session);

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
    setRoute('home');
    void refresh();
  };

  let screen;
  if (info.setupNeeded) screen = <FirstRunScreen onDone={afterSignIn} />;
  else if (!session) screen = <SignInScreen onSignedIn={afterSignIn} />;
  else if (session.locked) screen = <LockScreen session={session} onChanged={afterSignIn} />;
  else if (route === 'officers') screen = <OfficersScreen />;
  else if (route === 'settings') screen = <SettingsScreen onSaved={() => void refresh()} />;
  else if (route === 'audit') screen = <AuditScreen />;
  else screen = <HomeScreen officer={session.officer} onNavigate={setRoute} />;

  return (
    <div className="app">
      <Header
        deskName={info.deskName}
        demo={info.demo}
        sync={info.sync}
        session={session}
        onLock={() => void call('session.lock', {}).then((r) => r.ok && setSession(r.value))}
        onSignOut={() => void call('session.signOut', {}).then(() => void refresh())}
      />
      {connectionLost && <ErrorBanner text={t('app.connectionLost')} />}
      {session && !session.locked && route !== 'home' && (
        <button type="button" className="button button-secondary back" onClick={() => setRoute('home')}>
          ← {t('nav.back')}
        </button>
      )}
      {screen}
    </div>
  );
}

// Owns the header: desk name, officer and agency, the real sync state, the language switch, lock and sign-out.
import type { LANGUAGES, SessionView, SyncState } from '../../../shared/contract';
import { useI18n } from '../lib/i18n';
import { SyncStatus } from './SyncStatus';

interface HeaderProps {
  deskName: string;
  demo: boolean;
  sync: SyncState;
  session: SessionView | null;
  /** Back to the home screen, where there is somewhere to go back from. */
  onBack: (() => void) | null;
  onLock: () => void;
  onSignOut: () => void;
}

const LANGUAGE_BUTTONS: { language: (typeof LANGUAGES)[number]; label: string }[] = [
  { language: 'id', label: 'ID' },
  { language: 'en', label: 'EN' },
];

export function Header({ deskName, demo, sync, session, onBack, onLock, onSignOut }: HeaderProps) {
  const { t, language, setLanguage } = useI18n();
  const officer = session && !session.locked ? session.officer : null;
  return (
    <header className="app-header">
      {demo && (
        <div className="demo-banner" role="note">
          {t('app.demoBanner')}
        </div>
      )}
      <div className="header-row">
        {onBack && (
          <button type="button" className="button button-secondary back" onClick={onBack}>
            ← {t('nav.back')}
          </button>
        )}
        <div className="brand" title={t('app.subtitle')}>
          <strong>{t('app.title')}</strong>
          <span>{t('app.subtitle')}</span>
        </div>
        <dl className="header-facts">
          <div>
            <dt>{t('header.desk')}</dt>
            <dd data-testid="desk-name">{deskName}</dd>
          </div>
          {officer && (
            <div>
              <dt>{t('header.officer')}</dt>
              <dd data-testid="officer">
                {officer.name} · {t(`agency.${officer.agency}`)}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('header.sync')}</dt>
            <dd>
              <SyncStatus sync={sync} canSync={officer !== null} />
            </dd>
          </div>
        </dl>
        <div className="header-actions">
          <div className="language-switch" role="group" aria-label={t('header.language')}>
            {LANGUAGE_BUTTONS.map(({ language: option, label }) => (
              <button key={option} type="button" aria-pressed={language === option} onClick={() => setLanguage(option)}>
                {label}
              </button>
            ))}
          </div>
          {officer && (
            <>
              <button type="button" className="button button-secondary" onClick={onLock} data-testid="lock">
                {t('header.lockNow')}
              </button>
              <button type="button" className="button button-secondary" onClick={onSignOut}>
                {t('header.signOut')}
              </button>
            </>
          )}
        </div>
      </div>
    </header>
  );
}

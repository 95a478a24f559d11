// Owns the home screen: the officer's greeting and the tasks open to their role.
import type { Officer } from '../../../../shared/contract';
import type { MessageKey } from '../../../../shared/i18n/catalogue';
import { IntegrityProblems } from '../../components/IntegrityProblems';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCall } from '../../lib/use-call';

export type Destination = 'new-case' | 'review' | 'daily-review' | 'report' | 'officers' | 'settings' | 'audit' | 'diagnostics' | 'reference';

interface Tile {
  route: Destination;
  title: MessageKey;
  hint: MessageKey;
  roles: readonly Officer['role'][];
}

const TILES: readonly Tile[] = [
  { route: 'new-case', title: 'home.tile.newCase', hint: 'home.tile.newCaseHint', roles: ['officer', 'supervisor', 'admin'] },
  { route: 'review', title: 'home.tile.review', hint: 'home.tile.reviewHint', roles: ['officer', 'supervisor', 'admin'] },
  { route: 'daily-review', title: 'home.tile.dailyReview', hint: 'home.tile.dailyReviewHint', roles: ['supervisor', 'admin'] },
  { route: 'report', title: 'home.tile.report', hint: 'home.tile.reportHint', roles: ['supervisor', 'admin'] },
  { route: 'officers', title: 'home.tile.officers', hint: 'home.tile.officersHint', roles: ['admin'] },
  { route: 'settings', title: 'home.tile.settings', hint: 'home.tile.settingsHint', roles: ['admin'] },
  { route: 'audit', title: 'home.tile.audit', hint: 'home.tile.auditHint', roles: ['supervisor', 'admin'] },
  { route: 'diagnostics', title: 'home.tile.diagnostics', hint: 'home.tile.diagnosticsHint', roles: ['supervisor', 'admin'] },
  { route: 'reference', title: 'home.tile.reference', hint: 'home.tile.referenceHint', roles: ['admin'] },
];

export function HomeScreen({ officer, onNavigate }: { officer: Officer; onNavigate: (route: Destination) => void }) {
  const { t } = useI18n();
  const tiles = TILES.filter((tile) => tile.roles.includes(officer.role));
  return (
    <main className="panel">
      {officer.role !== 'officer' && <IntegrityAlarm />}
      <h1>{t('home.welcome', { name: officer.name })}</h1>
      <p>{t('home.signedInAs', { role: t(`role.${officer.role}`), agency: t(`agency.${officer.agency}`) })}</p>
      {tiles.length > 0 && <p className="hint">{t('home.intro')}</p>}
      <nav className="tiles">
        {tiles.map((tile) => (
          // The first task (a new reading, for most) has the focus: Enter starts it.
          <button key={tile.route} type="button" className="tile" onClick={() => onNavigate(tile.route)} autoFocus={tile === tiles[0]}>
            <strong>{t(tile.title)}</strong>
            <span>{t(tile.hint)}</span>
          </button>
        ))}
      </nav>
    </main>
  );
}

/** The core's tamper check, for supervisors and admins: silent while it holds, a red alarm when it does not. */
function IntegrityAlarm() {
  const { t, language } = useI18n();
  // The check runs in the background after start: ask again until it has an answer.
  const report = useCall('audit.integrity', {}, { askAgainWhile: (value) => value.state === 'pending' }).value;
  if (report?.state !== 'failed') return null;
  return (
    <section className="banner banner-error" role="alert" data-testid="integrity-alarm">
      <h2>{t('home.integrity.title')}</h2>
      <p>{t('home.integrity.hint')}</p>
      <IntegrityProblems problems={report.problems} />
      {report.checkedAt && <p className="hint">{t('home.integrity.checkedAt', { time: formatDateTime(report.checkedAt, language) })}</p>}
    </section>
  );
}

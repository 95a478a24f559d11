// Owns the home screen: the officer's greeting and the tasks open to their role.
import type { Officer } from '../../../../shared/contract';
import type { MessageKey } from '../../../../shared/i18n/catalogue';
import { useI18n } from '../../lib/i18n';

export type Destination = 'new-case' | 'review' | 'officers' | 'settings' | 'audit' | 'reference';

interface Tile {
  route: Destination;
  title: MessageKey;
  hint: MessageKey;
  roles: readonly Officer['role'][];
}

const TILES: readonly Tile[] = [
  { route: 'new-case', title: 'home.tile.newCase', hint: 'home.tile.newCaseHint', roles: ['officer', 'supervisor', 'admin'] },
  { route: 'review', title: 'home.tile.review', hint: 'home.tile.reviewHint', roles: ['officer', 'supervisor', 'admin'] },
  { route: 'officers', title: 'home.tile.officers', hint: 'home.tile.officersHint', roles: ['admin'] },
  { route: 'settings', title: 'home.tile.settings', hint: 'home.tile.settingsHint', roles: ['admin'] },
  { route: 'audit', title: 'home.tile.audit', hint: 'home.tile.auditHint', roles: ['supervisor', 'admin'] },
  { route: 'reference', title: 'home.tile.reference', hint: 'home.tile.referenceHint', roles: ['admin'] },
];

export function HomeScreen({ officer, onNavigate }: { officer: Officer; onNavigate: (route: Destination) => void }) {
  const { t } = useI18n();
  const tiles = TILES.filter((tile) => tile.roles.includes(officer.role));
  return (
    <main className="panel">
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

// Owns showing a case's sync conflicts: two desks decided it, or amended one field, while apart. Both sides are
// listed with who and when; nothing was overwritten, and a supervisor settles it with an amendment.
import type { AMENDABLE_FIELDS, CaseDetail, OUTCOMES } from '../../../shared/contract';

type Outcome = (typeof OUTCOMES)[number];
import { formatDateTime } from '../lib/format';
import { useI18n } from '../lib/i18n';

export function SyncConflicts({ conflicts }: { conflicts: CaseDetail['conflicts'] }) {
  const { t, language } = useI18n();
  if (conflicts.length === 0) return null;
  return (
    <section className="card card-alert sync-conflicts" role="alert" data-testid="sync-conflicts" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('conflict.title')}</h2>
      <p>{t('conflict.intro')}</p>
      <ul>
        {conflicts.map((conflict, i) => (
          <li key={i}>
            <strong>
              {conflict.kind === 'decided_twice'
                ? t('conflict.decidedTwice')
                : t('conflict.amendedTwice', { field: t(`case.field.${conflict.field as (typeof AMENDABLE_FIELDS)[number]}`) })}
            </strong>
            <ol>
              {conflict.sides.map((side, j) => (
                <li key={j}>
                  {formatDateTime(side.at, language)} · {side.officerNumber}:{' '}
                  {conflict.kind === 'decided_twice' && side.value ? t(`outcome.${side.value as Outcome}`) : (side.value ?? '—')}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}

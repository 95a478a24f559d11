// Owns how the tamper check's findings read: one sentence per finding in the app's language, with the core's
// technical account folded away for the IT officer (the officer who sees the alarm needs the first, not the second).
import type { IntegrityProblem } from '../../../shared/contract';
import { useI18n } from '../lib/i18n';

export function IntegrityProblems({ problems }: { problems: readonly IntegrityProblem[] }) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <ul data-testid="integrity-problems">
      {problems.map((problem, index) => (
        <li key={`${index}-${problem.detail}`}>
          {t(`integrity.problem.${problem.kind}`, { subject: problem.subject })}
          <details>
            <summary>{t('integrity.technical')}</summary>
            <code>{problem.detail}</code>
          </details>
        </li>
      ))}
    </ul>
  );
}

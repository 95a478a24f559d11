// Owns the admin's reference-data imports: a checklist, country rules or watch list file, checked by the core;
// a refused file lists its problems and the version in use stays.
import { useState, type FormEvent } from 'react';
import { Button, ErrorBanner, NoticeBanner, SelectField } from '../../components/Form';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall } from '../../lib/use-call';

type Kind = 'checklist' | 'country_rules' | 'watch_list';
const KINDS: Kind[] = ['checklist', 'country_rules', 'watch_list'];

export function ReferenceScreen() {
  const { t } = useI18n();
  const current = useCall('reference.current', {});
  const versions = current.value?.versions ?? null;
  const [kind, setKind] = useState<Kind>('checklist');
  const [file, setFile] = useState<File | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const imports = useAction();
  const [problems, setProblems] = useState<string[]>([]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const result = await imports.run('reference.import', { kind, content: await file.text() });
    setProblems(result.ok ? [] : (result.error.problems ?? []));
    setNotice(result.ok ? t('reference.imported', { kind: t(`reference.kind.${kind}`), version: result.value.version }) : null);
    void current.reload();
  }

  return (
    <main className="panel narrow">
      <h1>{t('reference.title')}</h1>
      {versions && (
        <p data-testid="reference-versions">
          {/* The core says 'none' for a desk without a watch list. */}
          {t('reference.inUse', { ...versions, watchList: versions.watchList === 'none' ? t('reference.noWatchList') : versions.watchList })}
        </p>
      )}
      <NoticeBanner text={notice} />
      <ErrorBanner text={imports.error} />
      {problems.length > 0 && (
        <div className="banner banner-error" data-testid="problems">
          {t('reference.refused')}
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={submit}>
        <SelectField label={t('reference.title')} value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`reference.kind.${k}`)}
            </option>
          ))}
        </SelectField>
        <div className="field">
          <label htmlFor="reference-file">{t('reference.file')}</label>
          <input id="reference-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <Button type="submit" disabled={!file}>
          {t('reference.import')}
        </Button>
      </form>
    </main>
  );
}

// Owns the diagnostics screen for supervisors and admins: the data folder and its files' modes, disk encryption, the
// tamper check's latest result and time, the audit chain head, reference data's sync and the versions in use. Read-only
// but for one act: an admin marks the refused reference items seen, which ends the header's notice of them.
import type { Officer } from '../../../../shared/contract';
import { Button, ErrorBanner } from '../../components/Form';
import { IntegrityProblems } from '../../components/IntegrityProblems';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useAction, useCall } from '../../lib/use-call';

/** Group and others have no access: the mode of a folder or file only the app's account can open. */
const closed = (mode: string) => mode.endsWith('00');

export function DiagnosticsScreen({ officer }: { officer: Officer }) {
  const { t, language } = useI18n();
  // The check runs in the background after start: show its result once it has one.
  const diagnostics = useCall('audit.diagnostics', {}, { askAgainWhile: (value) => value.integrity.state === 'pending' });
  const info = diagnostics.value;
  const marking = useAction();

  const markSeen = async () => {
    await marking.run('sync.refusalsSeen', {});
    await diagnostics.reload();
  };
  const openRefusals = info?.reference.refused.filter((item) => item.state === 'open').length ?? 0;

  const modeText = (mode: string) => t(closed(mode) ? 'diagnostics.modeOk' : 'diagnostics.modeOpen', { mode });
  return (
    <main className="panel" data-testid="diagnostics">
      <h1>{t('diagnostics.title')}</h1>
      <ErrorBanner text={marking.error ?? diagnostics.error} />
      {info && (
        <>
          <h2>{t('diagnostics.integrity')}</h2>
          <section className={`banner ${info.integrity.state === 'failed' ? 'banner-error' : info.integrity.state === 'ok' ? 'banner-notice' : ''}`} data-testid="diagnostics-integrity">
            <p>{t(`diagnostics.integrity.${info.integrity.state}`)}</p>
            <IntegrityProblems problems={info.integrity.problems} />
            <p className="hint">
              {info.integrity.checkedAt ? t('diagnostics.checkedAt', { time: formatDateTime(info.integrity.checkedAt, language) }) : t('diagnostics.neverChecked')}
            </p>
          </section>

          <h2>{t('diagnostics.encryption')}</h2>
          <p className={`banner ${info.diskEncryption === 'encrypted' ? 'banner-notice' : 'banner-error'}`} data-testid="diagnostics-encryption">
            {t(`diagnostics.encryption.${info.diskEncryption}`)}
          </p>

          <h2>{t('diagnostics.dataDir')}</h2>
          <p>
            <code>{info.dataDir}</code> · <span className={closed(info.dataDirMode) ? '' : 'error'}>{modeText(info.dataDirMode)}</span>
          </p>
          <table className="table" data-testid="diagnostics-files">
            <thead>
              <tr>
                <th>{t('diagnostics.file')}</th>
                <th>{t('diagnostics.mode')}</th>
              </tr>
            </thead>
            <tbody>
              {info.files.map((file) => (
                <tr key={file.name} className={closed(file.mode) ? '' : 'hold'}>
                  <td>
                    <code>{file.name}</code>
                  </td>
                  <td>{modeText(file.mode)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>{t('diagnostics.auditHead')}</h2>
          <p data-testid="diagnostics-audit-head">
            {info.auditHead ? t('diagnostics.auditHeadValue', { seq: info.auditHead.seq, hash: info.auditHead.hash.slice(0, 16) }) : t('diagnostics.auditEmpty')}
          </p>

          <h2>{t('diagnostics.reference')}</h2>
          <section data-testid="diagnostics-reference">
            {info.reference.enrolled ? (
              <>
                <p>
                  {info.reference.lastSyncAt
                    ? t('diagnostics.reference.lastSync', { time: formatDateTime(info.reference.lastSyncAt, language) })
                    : t('diagnostics.reference.neverSynced')}
                </p>
                {info.reference.pending > 0 && <p>{t('diagnostics.reference.pending', { count: info.reference.pending })}</p>}
              </>
            ) : (
              <p>{t('diagnostics.reference.notEnrolled')}</p>
            )}
            <p>
              {t('diagnostics.reference.inUse', {
                ...info.reference.versions,
                // The core says 'none' for a desk without a watch list.
                watchList: info.reference.versions.watchList === 'none' ? t('reference.noWatchList') : info.reference.versions.watchList,
              })}
            </p>
            {info.reference.refused.length === 0 ? (
              <p className="hint">{t('diagnostics.reference.noneRefused')}</p>
            ) : (
              <table className="table" data-testid="diagnostics-reference-refused">
                <caption>{t('diagnostics.reference.refused')}</caption>
                <thead>
                  <tr>
                    <th>{t('diagnostics.reference.item')}</th>
                    <th>{t('diagnostics.reference.problem')}</th>
                    <th>{t('diagnostics.reference.when')}</th>
                    <th>{t('diagnostics.reference.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {info.reference.refused.map((item, index) => (
                    <tr key={index} className={item.state === 'open' ? 'hold' : ''} data-state={item.state}>
                      <td>
                        <code>
                          {item.kind} {item.key}
                        </code>
                        <br />
                        <span className="hint">{t(`diagnostics.reference.direction.${item.direction}`)}</span>
                      </td>
                      <td data-problem={item.problemCode}>
                        {t(`diagnostics.reference.refusal.${item.problemCode}`, { key: item.key, ...item.params })}
                        <details>
                          <summary>{t('integrity.technical')}</summary>
                          <code>{item.problem}</code>
                        </details>
                      </td>
                      <td>{formatDateTime(item.at, language)}</td>
                      <td>
                        {item.state === 'seen' && item.seenAt
                          ? t('diagnostics.reference.state.seen', { officer: item.seenBy ?? '', time: formatDateTime(item.seenAt, language) })
                          : t(`diagnostics.reference.state.${item.state}`)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {openRefusals > 0 &&
              (officer.role === 'admin' ? (
                <p>
                  <Button data-testid="refusals-seen" disabled={marking.busy} onClick={() => void markSeen()}>
                    {t('diagnostics.reference.markSeen', { count: openRefusals })}
                  </Button>
                </p>
              ) : (
                <p className="hint">{t('diagnostics.reference.adminMustSee')}</p>
              ))}
          </section>

          <h2>{t('diagnostics.versions')}</h2>
          <table className="table" data-testid="diagnostics-versions">
            <tbody>
              <tr>
                <th>{t('diagnostics.version.app')}</th>
                <td>{info.versions.app}</td>
              </tr>
              <tr>
                <th>{t('diagnostics.version.electron')}</th>
                <td>{info.versions.electron ?? t('diagnostics.noElectron')}</td>
              </tr>
              <tr>
                <th>{t('diagnostics.version.node')}</th>
                <td>{info.versions.node}</td>
              </tr>
              <tr>
                <th>{t('diagnostics.version.schema')}</th>
                <td>{info.versions.schema}</td>
              </tr>
            </tbody>
          </table>
        </>
      )}
      <Button onClick={() => void diagnostics.reload()}>{t('diagnostics.reload')}</Button>
    </main>
  );
}

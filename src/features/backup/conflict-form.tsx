/** Asks, for each imported audit already on the device, whether to keep it, replace it or keep both. */
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { CONFLICT_DECISIONS, type AuditConflict, type ConflictDecision } from '../../domain/exchange/plan-import';

export function ConflictForm({
  conflicts,
  decisions,
  onChange,
  showMissing,
}: {
  conflicts: readonly AuditConflict[];
  decisions: ReadonlyMap<string, ConflictDecision>;
  onChange: (decisions: ReadonlyMap<string, ConflictDecision>) => void;
  showMissing: boolean;
}) {
  const { t, i18n } = useTranslation('exchange');
  const date = (iso: string) => formatDate(iso, i18n.language);
  const describe = (side: { status: AuditConflict['imported']['status']; answered: number; updatedAt: string }) => ({
    status: t(side.status === 'completed' ? 'export.completed' : 'export.inProgress'),
    answered: t('export.answered', { count: side.answered }),
    date: date(side.updatedAt),
  });
  const missing = showMissing && conflicts.some((c) => !decisions.has(c.auditId));

  return (
    <section className="callout" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('conflicts.title')}</h2>
      <p>{t('conflicts.intro')}</p>
      {conflicts.length > 1 && (
        <div className="conflict-all" role="group" aria-labelledby="conflicts-all">
          <span id="conflicts-all">{t('conflicts.applyToAll')}</span>
          {CONFLICT_DECISIONS.map((decision) => (
            <button
              key={decision}
              type="button"
              className="button button--quiet"
              onClick={() => onChange(new Map(conflicts.map((c) => [c.auditId, decision])))}
            >
              {t(`conflicts.${decision}`)}
            </button>
          ))}
        </div>
      )}
      {missing && (
        <p className="field__error" role="alert">
          {t('conflicts.missing')}
        </p>
      )}
      {conflicts.map((conflict) => (
        <fieldset key={conflict.auditId} className="field field--choice conflict">
          <legend>
            {/* Imported text: shown as text, isolated so it cannot reorder what follows. */}
            <bdi>{conflict.communeName}</bdi> · {t('conflicts.startedOn', { date: date(conflict.imported.startedAt) })}
          </legend>
          <p className="field__hint">
            {conflict.existing.source === 'batch'
              ? t('conflicts.batch')
              : conflict.existing.summary
                ? t('conflicts.device', describe(conflict.existing.summary))
                : t('conflicts.deviceOnly')}{' '}
            {t('conflicts.file', describe(conflict.imported))}
          </p>
          <div className="choices">
            {CONFLICT_DECISIONS.map((decision) => (
              <label key={decision} className="choice">
                <input
                  type="radio"
                  name={`conflict-${conflict.auditId}`}
                  value={decision}
                  checked={decisions.get(conflict.auditId) === decision}
                  onChange={() => onChange(new Map([...decisions, [conflict.auditId, decision]]))}
                />
                <span>{t(`conflicts.${decision}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}

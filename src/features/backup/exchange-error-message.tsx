/** An export/import failure as a translated message (never a raw exception), with the field at fault tucked away. */
import { useTranslation } from 'react-i18next';
import { EXPORT_LIMITS } from '../../domain/exchange/export-format';
import type { ExchangeError } from '../../domain/exchange/exchange-error';
import { formatBytes } from './format-bytes';

export function ExchangeErrorMessage({
  error,
  maxBytes = EXPORT_LIMITS.auditsFileBytes,
  unchanged = true,
}: {
  error: ExchangeError;
  maxBytes?: number;
  /** Say that nothing was changed (true for every import failure). */
  unchanged?: boolean;
}) {
  const { t, i18n } = useTranslation('exchange');
  return (
    <div className="alert alert--error" role="alert">
      <p>{t(`errors.${error.code}`, { size: formatBytes(maxBytes, i18n.language) })}</p>
      {unchanged && <p>{t('errors.unchanged')}</p>}
      {error.detail && (
        <details>
          <summary>{t('errors.detail')}</summary>
          {/* Text from the file, shown as text only. */}
          <code className="exchange-detail">{error.detail}</code>
        </details>
      )}
    </div>
  );
}

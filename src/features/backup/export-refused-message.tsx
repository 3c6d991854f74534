/** A file the app made and could not read back: said to be the app's bug, with the door's detail to report. */
import { useTranslation } from 'react-i18next';
import type { ExchangeError } from '../../domain/exchange/exchange-error';

export function ExportRefusedMessage({ refusal }: { refusal: ExchangeError }) {
  const { t } = useTranslation('exchange');
  return (
    <div className="alert alert--error" role="alert">
      <p>{t('errors.export-refused')}</p>
      <details>
        <summary>{t('errors.detail')}</summary>
        <code className="exchange-detail">
          {refusal.code}
          {refusal.detail ? ` — ${refusal.detail}` : ''}
        </code>
      </details>
    </div>
  );
}

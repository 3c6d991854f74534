/** An audit answered with an earlier questionnaire version: said plainly, with an invitation to re-audit. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function OldVersionNotice({ version, current, communeId }: { version: number; current: number; communeId: string }) {
  const { t } = useTranslation('results');
  return (
    <div className="callout callout--info">
      <p>{t('version.old', { version, current })}</p>
      <Link className="button" to={`/communes/${communeId}`}>
        {t('version.reaudit', { current })}
      </Link>
    </div>
  );
}

/** Which member communes (from the official directory) have an audit on this device, and which have not sent one. */
import { useTranslation } from 'react-i18next';
import type { Member } from '../../domain/epci/aggregate-epci';

export function MembersPanel({ audited, missing, inProgress }: { audited: readonly Member[]; missing: readonly Member[]; inProgress: number }) {
  const { t, i18n } = useTranslation('epci');
  const total = audited.length + missing.length;
  return (
    <>
      <p>
        {t('members.summary', { count: audited.length, total })}
        {inProgress > 0 && ` ${t('members.inProgress', { count: inProgress })}`}
      </p>
      <progress className="epci-members__bar" value={audited.length} max={Math.max(total, 1)} aria-label={t('members.summary', { count: audited.length, total })} />
      {missing.length === 0 ? (
        <p>{t('members.allSent')}</p>
      ) : (
        <>
          <h3>{t('members.missingTitle', { count: missing.length })}</h3>
          <ul className="epci-members__list">
            {missing.map((member) => (
              <li key={member.insee}>
                {member.name}{' '}
                <span className="muted">
                  {t('members.details', {
                    insee: member.insee,
                    population: member.population === null ? '–' : member.population.toLocaleString(i18n.language),
                  })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

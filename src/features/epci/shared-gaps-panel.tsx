/**
 * Shared gaps: the pooled answers the EPCI can offer, by number of communes served, then every action the
 * members' plans call for, ranked by communes concerned.
 */
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../components/format';
import { useLocalize } from '../../components/use-questionnaire';
import type { ActionCatalogue } from '../../domain/actions/parse-catalogue';
import type { SharedGaps } from '../../domain/epci/shared-gaps';
import type { TableTheme } from './communes-table';

export function SharedGapsPanel({ gaps, catalogue, themes }: { gaps: SharedGaps; catalogue: ActionCatalogue; themes: readonly TableTheme[] }) {
  const { t, i18n } = useTranslation('epci');
  const localize = useLocalize();
  const themeTitle = new Map(themes.map((theme) => [theme.id, theme.title]));
  const share = (value: number) => formatPercent(value, i18n.language);
  if (gaps.audited === 0) return <p>{t('gaps.noAudit')}</p>;
  return (
    <>
      <h3>{t('gaps.offersTitle')}</h3>
      {gaps.offers.length === 0 ? (
        <p>{t('gaps.noOffer')}</p>
      ) : (
        <ol className="epci-offers">
          {gaps.offers.map((offer) => (
            <li key={offer.offer} className="epci-offer">
              <p className="epci-offer__title">
                <strong>{t(`offers.${offer.offer}.title`)}</strong>
                {' — '}
                {t('gaps.communes', { count: offer.communes, share: share(offer.share) })}
              </p>
              <p>{t(`offers.${offer.offer}.description`)}</p>
              <p className="muted">
                {t('gaps.answers', {
                  actions: offer.actionIds.map((id) => {
                    const action = catalogue.get(id);
                    return action ? localize(action.title) : id;
                  }).join(' ; '),
                })}
              </p>
            </li>
          ))}
        </ol>
      )}

      <h3>{t('gaps.actionsTitle')}</h3>
      <div className="epci-gaps__scroller" tabIndex={0} role="region" aria-label={t('gaps.caption')}>
        <table className="epci-gaps">
          <caption className="visually-hidden">{t('gaps.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('gaps.rank')}</th>
              <th scope="col">{t('gaps.action')}</th>
              <th scope="col">{t('gaps.theme')}</th>
              <th scope="col">{t('gaps.concerned')}</th>
              <th scope="col">{t('gaps.pooled')}</th>
            </tr>
          </thead>
          <tbody>
            {gaps.actions.map((gap, index) => {
              const action = catalogue.get(gap.actionId);
              return (
                <tr key={gap.actionId}>
                  <td className="epci-gaps__number">{index + 1}</td>
                  <th scope="row">{action ? localize(action.title) : gap.actionId}</th>
                  <td>{themeTitle.get(gap.themeId) ?? gap.themeId}</td>
                  <td className="epci-gaps__number">{t('gaps.concernedValue', { count: gap.communes, share: share(gap.share) })}</td>
                  <td>{gap.pooledOffer ? t(`offers.${gap.pooledOffer}.title`) : t('gaps.noPooled')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** Where a benchmark figure comes from: survey wording, who was asked, size stratum, source, relays, checking. */
import { useTranslation } from 'react-i18next';
import type { BenchmarkIndicator } from '../domain/benchmarks/schema';
import { localize } from '../domain/questionnaire/localize';
import { linkHost } from '../domain/benchmarks/publisher-domains';
import { describeSource, formatPartialDate } from './describe-comparison';
import './benchmark-source-details.css';

/**
 * « Ouvrir la source sur banquedesterritoires.fr »: the words name the site the link leads to, and a link off
 * the publishers' allow-list (a record stored by an older app) is not made clickable at all.
 */
function SourceLink({ url }: { url: string | null }) {
  const { t } = useTranslation('benchmarks');
  if (url === null) return <>{t('indicator.noLink')}</>;
  const host = linkHost(url);
  if (!host) return <>{t('indicator.linkRefused')}</>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {t('indicator.link', { host })}
    </a>
  );
}

export function BenchmarkSourceDetails({ indicator }: { indicator: BenchmarkIndicator }) {
  const { t, i18n } = useTranslation('benchmarks');
  const language = i18n.language;
  const l = (text: { fr: string; en: string }) => localize(text, language);
  const reportedIn = indicator.reportedIn ?? [];
  return (
    <dl className="benchmark-source">
      <dt>{t('indicator.surveyQuestion')}</dt>
      <dd>
        {indicator.surveyQuestionKind === 'published-indicator' && <span className="muted">{t('indicator.publishedIndicator')} </span>}
        <q className="benchmark-source__wording">{l(indicator.surveyQuestion)}</q>
        {!language.startsWith('fr') && <span className="muted"> {t('indicator.wordingLanguage')}</span>}
      </dd>
      <dt>{t('indicator.population')}</dt>
      <dd>
        {l(indicator.population)} —{' '}
        {indicator.sampleSize === null
          ? t('indicator.sampleUnknown')
          : t('indicator.sampleSize', {
              count: indicator.sampleSize,
              formatted: new Intl.NumberFormat(language).format(indicator.sampleSize),
            })}
      </dd>
      {indicator.stratum && (
        <>
          <dt>{t('indicator.stratum')}</dt>
          <dd>{l(indicator.stratum.label)}</dd>
        </>
      )}
      <dt>{t('indicator.year')}</dt>
      <dd>{indicator.year}</dd>
      <dt>{t('indicator.source')}</dt>
      <dd>
        {describeSource(indicator, t, language)} —{' '}
        <SourceLink url={indicator.url} />
      </dd>
      {reportedIn.length > 0 && (
        <>
          <dt>{t('indicator.reportedIn')}</dt>
          <dd>
            <ul className="benchmark-source__relays">
              {reportedIn.map((item) => (
                <li key={`${item.publishedAt}-${l(item.title)}`}>
                  {t('indicator.reportedItem', {
                    publisher: l(item.publisher),
                    title: l(item.title),
                    date: formatPartialDate(item.publishedAt, language),
                  })}
                  {item.url && (
                    <>
                      {' — '}
                      <SourceLink url={item.url} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>{t('indicator.verification')}</dt>
      <dd>{t(`verification.${indicator.verification}`)}</dd>
      {indicator.note && (
        <>
          <dt>{t('indicator.note')}</dt>
          <dd>{l(indicator.note)}</dd>
        </>
      )}
    </dl>
  );
}

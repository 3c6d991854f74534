/**
 * The commune against its EPCI: once audits of other member communes are on this device (an EPCI's chargé de
 * mission, a conseiller numérique), each theme's score next to the average of the other members' latest audits.
 * Shows nothing otherwise. Reads the EPCI view's cached summaries, so it stays quick with thousands of audits.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { communesOfEpci, loadSummaryContext, loadSummaryEntries } from '../../db/epci-repository';
import type { CommuneRecord } from '../../db/records';
import { communeKey, latestRows } from '../../domain/epci/epci-row';
import { spreadOf, type Spread } from '../../domain/epci/spread';
import type { AuditResult } from '../../domain/scoring/compute-results';
import { formatScore } from '../../components/format';
import { useLocalize, useQuestionnaire } from '../../components/use-questionnaire';

interface EpciAverages {
  communes: number;
  overall: Spread | null;
  themes: Map<string, Spread | null>;
}

async function loadAverages(commune: CommuneRecord): Promise<EpciAverages | null> {
  const members = (await communesOfEpci(commune.epciSiren)).filter((c) => communeKey(c) !== communeKey(commune));
  if (members.length === 0) return null;
  const context = await loadSummaryContext();
  const rows = latestRows(members, await loadSummaryEntries(context, { communeIds: members.map((c) => c.id) }));
  if (rows.length === 0) return null;
  const scores = (read: (row: (typeof rows)[number]) => number | null | undefined) =>
    rows.flatMap((row) => {
      const score = read(row);
      return score === null || score === undefined ? [] : [score];
    });
  const themeIds = new Set(rows.flatMap((r) => Object.keys(r.summary.themeScores)));
  const themes = new Map([...themeIds].map((id) => [id, spreadOf(scores((row) => row.summary.themeScores[id]))]));
  return { communes: rows.length, overall: spreadOf(scores((row) => row.summary.overall)), themes };
}

const difference = (own: number | null, mean: number | undefined) =>
  own === null || mean === undefined ? null : Math.round(own) - Math.round(mean);

export function EpciComparison({ commune, result, auditUpdatedAt }: { commune: CommuneRecord | undefined; result: AuditResult; auditUpdatedAt: string }) {
  const { t } = useTranslation('epci');
  const localize = useLocalize();
  const questionnaire = useQuestionnaire();
  const [averages, setAverages] = useState<EpciAverages | null>(null);

  useEffect(() => {
    let live = true;
    if (!commune?.epciSiren) return;
    loadAverages(commune).then(
      (loaded) => {
        if (live) setAverages(loaded);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [commune, auditUpdatedAt]);

  if (!commune?.epciSiren || !averages) return null;
  const signed = (value: number | null) => (value === null ? '–' : value > 0 ? `+${value}` : String(value));
  const rows = [
    { id: 'overall', title: t('table.overall'), own: result.overall.score, spread: averages.overall },
    ...result.themes.map((theme) => ({
      id: theme.themeId,
      title: localize(questionnaire.themes.find((q) => q.id === theme.themeId)?.title ?? { fr: theme.themeId, en: theme.themeId }),
      own: theme.score,
      spread: averages.themes.get(theme.themeId) ?? null,
    })),
  ];
  return (
    <section aria-labelledby="epci-comparison" className="epci-comparison">
      <h2 id="epci-comparison">{t('comparison.title', { epci: commune.epciName || commune.epciSiren })}</h2>
      <p>{t('comparison.intro', { count: averages.communes })}</p>
      <div className="epci-spread__scroller" tabIndex={0} role="region" aria-label={t('comparison.caption')}>
        <table className="epci-spread">
          <caption className="visually-hidden">{t('comparison.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('themes.theme')}</th>
              <th scope="col">{t('comparison.own', { commune: commune.name })}</th>
              <th scope="col">{t('comparison.average')}</th>
              <th scope="col">{t('comparison.difference')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.title}</th>
                <td className="epci-spread__number">{formatScore(row.own)}</td>
                <td className="epci-spread__number">{row.spread ? formatScore(row.spread.mean) : '–'}</td>
                <td className="epci-spread__number">{signed(difference(row.own, row.spread?.mean))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

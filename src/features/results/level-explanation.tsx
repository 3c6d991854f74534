/** Why the level is what it is: the vital and critical controls that hold it down, and what lifts it a level. */
import { useTranslation } from 'react-i18next';
import { formatScore } from '../../components/format';
import type { AuditResult } from '../../domain/scoring/compute-results';
import { GapList } from './gap-list';

export function LevelExplanation({ auditId, result }: { auditId: string; result: AuditResult }) {
  const { t } = useTranslation('results');
  const { overall } = result;
  if (!overall.maturity || !overall.byScore || overall.score === null) return null;
  const levelName = (level: string) => t(`maturity.${level}.name`);
  const lift = overall.lift;
  return (
    <section className="level-explanation" aria-labelledby="level-explanation-title">
      <h2 id="level-explanation-title">{t('level.title')}</h2>
      <p>
        {overall.rule === 'score'
          ? t('level.byScore', { level: levelName(overall.maturity) })
          : t(`level.rule.${overall.rule ?? 'score'}`, { byScore: levelName(overall.byScore), count: result.overall.limiting.length })}
      </p>
      {overall.limiting.length > 0 && (
        <>
          <h3>{t('level.holdingTitle')}</h3>
          <GapList auditId={auditId} outcomes={overall.limiting} detail="state" />
        </>
      )}
      {lift && (
        <>
          <h3>{t('level.liftTitle', { level: levelName(lift.target) })}</h3>
          <ul>
            {lift.fixAtLeast && <li>{t('level.liftFixAtLeast', { count: lift.fixAtLeast.count })}</li>}
            {lift.mustFix.length > 0 && <li>{t('level.liftFixAll', { count: lift.mustFix.length })}</li>}
            {lift.pointsToGain > 0 && <li>{t('level.liftPoints', { points: formatScore(lift.pointsToGain) })}</li>}
          </ul>
        </>
      )}
    </section>
  );
}

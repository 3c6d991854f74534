/**
 * Gathers what the PDF report is made from, on the device: the audit and its commune, the questionnaire and
 * action catalogue, the plan with its follow-up, the barometer comparisons, and the `report` words in the
 * app's language. Kept apart from the PDF code so that the lazy PDF chunk imports neither Dexie nor i18next.
 */
import type { i18n as I18n } from 'i18next';
import { loadActionCatalogueVersion } from '../../content/load-actions';
import { loadQuestionnaire, loadQuestionnaireVersion } from '../../content/load-questionnaire';
import { getActiveBenchmarks } from '../../db/benchmarks-repository';
import { db } from '../../db/database';
import { listPlanItems } from '../../db/plan-repository';
import { derivePlan } from '../../domain/actions/derive-plan';
import { compareAnswers, earlierWavesOf, type Comparison } from '../../domain/benchmarks/compare-answers';
import { contextIndicators } from '../../domain/benchmarks/indicator-for-population';
import type { Questionnaire } from '../../domain/questionnaire/schema';
import { computeResults } from '../../domain/scoring/compute-results';
import type { ReportComparison, ReportInput, ReportPlanItem } from '../../pdf/report-input';
import { describeComparison, describeContext, describeEarlierWave, describeUnsurveyed } from '../../components/describe-comparison';

const CRITICALITY_ORDER = { critical: 0, major: 1, minor: 2 } as const;

/** Comparisons of the most serious questions first: the summary quotes the first few. */
function rankComparisons(comparisons: Comparison[], questionnaire: Questionnaire): Comparison[] {
  const order = new Map<string, number>();
  for (const theme of questionnaire.themes) {
    for (const question of theme.questions) order.set(question.id, CRITICALITY_ORDER[question.criticality] * 10_000 + order.size);
  }
  return [...comparisons].sort((a, b) => (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0));
}

export async function collectReportInput(auditId: string, i18n: I18n, now = new Date()): Promise<ReportInput> {
  const audit = await db.audits.get(auditId);
  if (!audit) throw new Error(`audit ${auditId} not found`);
  // The audit's own questionnaire version (and its catalogue: an older plan names that version's actions).
  const [commune, questionnaire, catalogue, current, benchmarks, items] = await Promise.all([
    db.communes.get(audit.communeId),
    loadQuestionnaireVersion(audit.questionnaireVersion),
    loadActionCatalogueVersion(audit.questionnaireVersion),
    loadQuestionnaire(),
    getActiveBenchmarks(),
    listPlanItems(auditId),
  ]);
  if (!questionnaire || !catalogue) throw new Error(`questionnaire version ${audit.questionnaireVersion} is not known to this app`);
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const result = computeResults(questionnaire, audit.answers, audit.profile, { completed: audit.status === 'completed' });
  const plan = derivePlan(questionnaire, result, catalogue).entries;
  const all = i18n.getFixedT(language);
  const report = i18n.getFixedT(language, 'report');
  const translate = (key: string, options?: Record<string, unknown>) => all(key, options);
  const compared = benchmarks ? compareAnswers(questionnaire, audit.answers, audit.profile, benchmarks.dataset) : [];
  const comparisons: ReportComparison[] = rankComparisons(compared, questionnaire).flatMap((c) => {
    const sentence = describeComparison(c, translate, language);
    if (!sentence) return [];
    return [
      {
        themeId: c.themeId,
        questionId: c.questionId,
        sentence,
        surveyQuestion: c.indicator.surveyQuestion[language],
        earlier: c.earlierWaves.map((earlier) => describeEarlierWave(earlier, translate, language)),
      },
    ];
  });
  // As on the results page: a figure already said as a comparison in a theme is not repeated as context.
  const context = benchmarks
    ? questionnaire.themes.flatMap((theme) => {
        const used = new Set(compared.filter((c) => c.themeId === theme.id).map((c) => c.indicatorId));
        return contextIndicators(benchmarks.dataset, theme.id, audit.profile.population)
          .filter((indicator) => !used.has(indicator.id))
          .map((indicator) => ({
            themeId: theme.id,
            sentence: describeContext(indicator, translate, language),
            earlier: earlierWavesOf(benchmarks.dataset, indicator.id).map((earlier) => describeEarlierWave(earlier, translate, language)),
          }));
      })
    : [];
  const unsurveyed = benchmarks
    ? questionnaire.themes.flatMap((theme) =>
        benchmarks.dataset.unsurveyed
          .filter((topic) => topic.themes.includes(theme.id))
          .map((topic) => ({ themeId: theme.id, sentence: describeUnsurveyed(topic, translate, language) })),
      )
    : [];
  return {
    language,
    generatedAt: now,
    commune: {
      name: commune?.name ?? '',
      insee: commune?.insee ?? '',
      population: audit.profile.population,
      epciName: commune?.epciName ?? '',
    },
    audit: {
      auditor: audit.auditor,
      startedAt: audit.startedAt,
      completedAt: audit.completedAt,
      questionnaireId: audit.questionnaireId,
      questionnaireVersion: audit.questionnaireVersion,
      answers: audit.answers,
    },
    questionnaire,
    currentQuestionnaireVersion: current.version,
    result,
    plan,
    planItems: new Map<string, ReportPlanItem>(
      items.map((item) => [item.actionId, { owner: item.owner, dueDate: item.dueDate, status: item.status, note: item.note }]),
    ),
    benchmark: benchmarks ? { id: benchmarks.dataset.id, version: benchmarks.dataset.version } : null,
    comparisons,
    context,
    unsurveyed,
    t: (key, options) => report(key, options),
  };
}

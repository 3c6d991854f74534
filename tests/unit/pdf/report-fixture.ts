/** A fully answered audit of the shipped questionnaire, with its plan followed up, for the report tests. */
import { optionScore } from '../../../src/domain/questionnaire/schema';
import type { TFunction } from 'i18next';
import { loadActionCatalogue } from '../../../src/content/load-actions';
import { loadQuestionnaire } from '../../../src/content/load-questionnaire';
import { derivePlan } from '../../../src/domain/actions/derive-plan';
import type { Answer, CommuneProfile } from '../../../src/domain/audit/types';
import { computeResults } from '../../../src/domain/scoring/compute-results';
import { createI18n, type Language } from '../../../src/i18n/i18n';
import type { ReportComparison, ReportInput, ReportPlanItem } from '../../../src/pdf/report-input';

export const COMMUNE_NAME = 'Saint-Cœur-d’Arçonnière';

const profile: CommuneProfile = { population: 1240, agents: 5, computers: 7, itProvider: true, hasServer: true };

/**
 * Every question answered, cycling through worst option, a middle option, best option and "je ne sais pas",
 * so that the report shows gaps, partial answers, good practice and checks.
 */
export function answerEverything(questionnaire: Awaited<ReturnType<typeof loadQuestionnaire>>): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  const questions = questionnaire.themes.flatMap((theme) => theme.questions);
  // An answer that opens follow-up questions, for each question others depend on, so that all are asked.
  const opening = new Map(questions.flatMap((q) => (q.showIf ? [[q.showIf.question, q.showIf.anyOf[0]] as const] : [])));
  questions.forEach((question, index) => {
      const opens = opening.get(question.id);
      if (opens) {
        answers[question.id] = { kind: 'option', optionId: opens };
        return;
      }
      const byScore = [...question.options].filter((o) => optionScore(o) !== null).sort((a, b) => (optionScore(a) ?? 0) - (optionScore(b) ?? 0));
      const worst = byScore[0];
      const best = byScore[byScore.length - 1];
      const middle = byScore[Math.floor(byScore.length / 2)];
      const pick = [worst, middle, best, undefined][index % 4];
      answers[question.id] = pick ? { kind: 'option', optionId: pick.id } : { kind: 'dontKnow' };
    });
  return answers;
}

export async function reportInput(language: Language = 'fr'): Promise<ReportInput & { tFunction: TFunction }> {
  const [questionnaire, catalogue, i18n] = await Promise.all([loadQuestionnaire(), loadActionCatalogue(), createI18n(language)]);
  const answers = answerEverything(questionnaire);
  const result = computeResults(questionnaire, answers, profile);
  const plan = derivePlan(questionnaire, result, catalogue).entries;
  const planItems = new Map<string, ReportPlanItem>();
  const [first, second] = plan;
  if (first) {
    planItems.set(first.id, {
      owner: 'Mme Lefèvre, secrétaire',
      dueDate: '2027-01-31',
      status: 'in-progress',
      note: 'Devis demandé à l’OPSN : 1 200 € par an, « à voter » en conseil',
    });
  }
  if (second) planItems.set(second.id, { owner: 'M. Benoît (adjoint)', dueDate: '', status: 'done', note: '' });
  // As long as the real sentences (figure, what it counts, source in brackets), on three different questions.
  const [first3a, first3b, first3c] = questionnaire.themes.map((theme) => ({ themeId: theme.id, questionId: theme.questions[0]?.id ?? null }));
  const long = (fr: string, en: string) => (language === 'fr' ? fr : en);
  const comparisons: ReportComparison[] = [
    {
      ...(first3a ?? { themeId: 'backup', questionId: null }),
      sentence: long(
        'Comme 85 % des collectivités interrogées, la commune déclare faire des sauvegardes.',
        'Like 85% of the local authorities surveyed, the commune says it makes backups.',
      ),
      source: 'Cybermalveillance.gouv.fr, enquête auprès des collectivités, 2023',
      surveyQuestion: 'Quelles mesures de sécurité avez-vous mises en place ?',
    },
    {
      ...(first3b ?? { themeId: 'antivirus', questionId: null }),
      sentence: long(
        'Votre commune fait partie des 76 % de collectivités qui n’ont ni PCA ni PRA, c’est-à-dire ni plan de continuité ni plan de reprise d’activité (Baromètre Numérique & Collectivités, premiers résultats, DINUM et réseau Déclic, mars 2025).',
        'Your commune is among the 76% of local authorities with neither a continuity nor a recovery plan (Baromètre Numérique & Collectivités, first results, DINUM and réseau Déclic, March 2025).',
      ),
    },
    {
      ...(first3c ?? { themeId: 'continuity', questionId: null }),
      sentence: long(
        'Votre commune a une sauvegarde hors de la mairie, comme 21 % des communes interrogées en 2016 (Baromètre de la dématérialisation 2016, 3e édition, JVS-Mairistem, 2016).',
        'Your commune keeps a backup away from the mairie, like 21% of the communes surveyed in 2016 (Baromètre de la dématérialisation 2016, 3rd edition, JVS-Mairistem, 2016).',
      ),
    },
  ];
  const t = i18n.getFixedT(language, 'report');
  return {
    language,
    generatedAt: new Date('2026-11-25T10:30:00'),
    commune: { name: COMMUNE_NAME, insee: '01999', population: 1240, epciName: 'Communauté de communes du Val d’Œuf' },
    audit: {
      auditor: 'Élodie Marçais, secrétaire de mairie',
      startedAt: '2026-11-02T09:00:00.000Z',
      completedAt: '2026-11-20T16:00:00.000Z',
      questionnaireId: questionnaire.id,
      questionnaireVersion: questionnaire.version,
      answers,
    },
    questionnaire,
    currentQuestionnaireVersion: questionnaire.version,
    result,
    plan,
    planItems,
    benchmark: { id: 'barometres-collectivites', version: 3 },
    comparisons,
    context: [
      {
        themeId: questionnaire.themes[0]?.id ?? 'backup',
        sentence: long(
          'Environ 50 % des élus ruraux interrogés disent manquer d’outils (enquête fictive de test, 2025).',
          'About 50% of the rural councillors surveyed say they lack tools (made-up test survey, 2025).',
        ),
      },
    ],
    unsurveyed: [],
    t: (key, options) => t(key, options),
    tFunction: t,
  };
}

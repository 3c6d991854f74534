/**
 * Why the level is what it is, for the report: the sentence that goes with the level in the summary, and the
 * page of the vital controls (each one's state, what holds the level down, what lifts it to the next level).
 */
import type { QuestionOutcome } from '../domain/scoring/compute-results';
import { outcomeAnswerText, questionIndex, roundScore, say } from './report-format';
import type { ReportInput } from './report-input';
import type { Block, ReportSection, TableRow, Tone } from './report-types';

const STATE_TONE: Readonly<Record<string, Tone>> = {
  'in-place': 'good',
  partial: 'warning',
  'dont-know': 'warning',
  gap: 'critical',
  'implied-gap': 'critical',
  unanswered: 'warning',
};

/** The sentence saying which rule set the level (nothing when the score alone did). */
export function levelRuleSentence(input: ReportInput): string | null {
  const { overall } = input.result;
  if (!overall.rule || overall.rule === 'score' || !overall.byScore) return null;
  return input.t(`level.rule.${overall.rule}`, { byScore: input.t(`maturity.${overall.byScore}.name`) });
}

/** Version notice for an audit answered with an earlier questionnaire version. */
export function oldVersionSentence(input: ReportInput): string | null {
  const { questionnaireVersion } = input.audit;
  if (questionnaireVersion === input.currentQuestionnaireVersion) return null;
  return input.t('level.oldVersion', { version: questionnaireVersion, current: input.currentQuestionnaireVersion });
}

function liftLines(input: ReportInput): string[] {
  const { lift } = input.result.overall;
  if (!lift) return [];
  const { t } = input;
  const lines: string[] = [];
  if (lift.fixAtLeast) lines.push(t('level.liftFixAtLeast', { count: lift.fixAtLeast.count }));
  if (lift.mustFix.length > 0) lines.push(t('level.liftFixAll', { count: lift.mustFix.length }));
  if (lift.pointsToGain > 0) lines.push(t('level.liftPoints', { points: roundScore(Math.ceil(lift.pointsToGain)) }));
  return lines;
}

/**
 * `compact` (the short report, one page): the vital controls are said once, in the table; the list of what
 * holds the level down keeps only the other critical questions, without notes.
 */
export function buildVitalSection(input: ReportInput, { compact = false } = {}): ReportSection {
  const { t, result, language } = input;
  const questions = questionIndex(input);
  const outcomes = new Map(result.themes.flatMap((theme) => theme.outcomes.map((o) => [o.questionId, o] as const)));
  const vital = input.questionnaire.themes.flatMap((theme) => theme.questions.filter((q) => q.vital === true));
  const blocks: Block[] = [{ kind: 'paragraph', text: t('level.vitalIntro'), style: 'lead', optional: 1 }];
  const stateCell = (outcome: QuestionOutcome | undefined) => {
    const status = outcome?.status ?? 'not-asked';
    return { text: t(`level.state.${status}`), ...(STATE_TONE[status] ? { tone: STATE_TONE[status] } : {}), bold: true };
  };
  if (vital.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('level.noVital') });
  } else {
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('level.columns.control'), width: 0.52 },
        { header: t('level.columns.answer'), width: 0.3 },
        { header: t('level.columns.state'), width: 0.18 },
      ],
      rows: vital.map((question): TableRow => {
        const outcome = outcomes.get(question.id);
        return [
          { text: say(question.text, language) },
          { text: outcome ? outcomeAnswerText(question, outcome, input) : t('level.state.not-asked') },
          stateCell(outcome),
        ];
      }),
    });
  }
  const { maturity, limiting, lift } = result.overall;
  if (maturity) {
    blocks.push({ kind: 'heading', text: t('level.holdingTitle') });
    const rule = levelRuleSentence(input);
    blocks.push({ kind: 'paragraph', text: rule ?? t('level.byScore', { level: t(`maturity.${maturity}.name`) }) });
    const listed = compact && vital.length > 0 ? limiting.filter((outcome) => !outcome.vital) : limiting;
    if (listed.length > 0) {
      blocks.push({
        kind: 'list',
        ...(compact ? { optional: 3 } : {}),
        items: listed.flatMap((outcome) => {
          const question = questions.get(outcome.questionId);
          if (!question) return [];
          return [
            {
              text: say(question.text, language),
              tag: { text: t(outcome.vital ? 'level.vitalTag' : 'level.criticalTag'), tone: 'critical' as const },
              ...(compact ? {} : { notes: [`${t(`level.state.${outcome.status}`)} — ${outcomeAnswerText(question, outcome, input)}`] }),
            },
          ];
        }),
      });
    }
    if (lift) {
      blocks.push({ kind: 'heading', text: t('level.liftTitle', { level: t(`maturity.${lift.target}.name`) }) });
      blocks.push({ kind: 'list', items: liftLines(input).map((text) => ({ text })) });
    }
  }
  return { id: 'vital', title: t('level.vitalTitle'), blocks };
}

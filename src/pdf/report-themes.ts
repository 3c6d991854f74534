/** One page per theme: its score, what the answers show, the barometer comparisons and the actions planned. */
import type { Question } from '../domain/questionnaire/schema';
import type { QuestionOutcome, ThemeResult } from '../domain/scoring/compute-results';
import { entryTitle, outcomeAnswerText, questionIndex, roundScore, say, scoreTone, themeTitle, typographic } from './report-format';
import type { ReportInput } from './report-input';
import { themeSummary } from './report-summary';
import type { Block, ListItem, ReportSection, Tone } from './report-types';

function findingTag(outcome: QuestionOutcome, input: ReportInput): { text: string; tone: Tone } {
  if (outcome.status === 'dont-know') return { text: input.t('theme.toVerify'), tone: 'warning' };
  if (outcome.status === 'partial') return { text: input.t('theme.partial'), tone: 'warning' };
  if (outcome.criticality === 'critical') return { text: input.t('theme.criticalGap'), tone: 'critical' };
  return { text: input.t('theme.gap'), tone: 'critical' };
}

function findings(theme: ThemeResult, questions: ReadonlyMap<string, Question>, input: ReportInput): Block[] {
  const lost = theme.outcomes
    .filter((o) => o.pointsLost > 0)
    .sort((a, b) => Number(b.criticality === 'critical' && b.status === 'gap') - Number(a.criticality === 'critical' && a.status === 'gap') || b.pointsLost - a.pointsLost);
  const inPlace = theme.outcomes.filter((o) => o.status === 'in-place').length;
  const blocks: Block[] = [{ kind: 'heading', text: input.t('theme.findings') }];
  if (lost.length === 0) {
    blocks.push({ kind: 'paragraph', text: input.t('theme.noGaps') });
  } else {
    const items: ListItem[] = lost.flatMap((outcome) => {
      const question = questions.get(outcome.questionId);
      if (!question) return [];
      const item: ListItem = {
        text: input.t('theme.finding', {
          question: say(question.text, input.language),
          answer: outcomeAnswerText(question, outcome, input),
        }),
        tag: findingTag(outcome, input),
      };
      if (outcome.status === 'dont-know') {
        item.notes = [input.t('plan.verifyStep', { knower: input.t(`knower.${question.knower}`) })];
      }
      return [item];
    });
    blocks.push({ kind: 'list', items });
  }
  if (inPlace > 0) blocks.push({ kind: 'paragraph', text: input.t('theme.inPlace', { count: inPlace }), style: 'muted' });
  return blocks;
}

export function buildThemeSections(input: ReportInput): ReportSection[] {
  const questions = questionIndex(input);
  const ranks = new Map(input.plan.map((entry, index) => [entry.id, index + 1] as const));
  return input.result.themes
    .filter((theme) => theme.asked > 0)
    .map((theme) => {
      const { t } = input;
      const blocks: Block[] = [];
      blocks.push(
        theme.score === null
          ? { kind: 'paragraph', text: t('theme.noScore') }
          : {
              kind: 'score',
              value: t('score', { score: roundScore(theme.score) }),
              label: t('theme.score', { score: roundScore(theme.score), answered: theme.answered, asked: theme.asked }),
              tone: scoreTone(theme.score),
            },
      );
      blocks.push({
        kind: 'paragraph',
        text: t('summary.scoreSource', { id: input.audit.questionnaireId, version: input.audit.questionnaireVersion }),
        style: 'muted',
      });
      const summary = themeSummary(theme.themeId, input);
      if (summary) blocks.push({ kind: 'paragraph', text: summary });
      blocks.push(...findings(theme, questions, input));

      blocks.push({ kind: 'heading', text: t('theme.comparisons') });
      const comparisons = input.comparisons.filter((c) => c.themeId === theme.themeId);
      if (comparisons.length === 0) {
        blocks.push({ kind: 'paragraph', text: t('theme.noComparison'), style: 'muted' });
      } else {
        blocks.push({
          kind: 'list',
          items: comparisons.map((c) => ({
            text: typographic(c.sentence),
            notes: [
              ...(c.source ? [t('comparison.source', { source: typographic(c.source) })] : []),
              ...(c.surveyQuestion ? [t('comparison.surveyQuestion', { question: typographic(c.surveyQuestion) })] : []),
              ...(c.earlier ?? []).map(typographic),
            ],
          })),
        });
      }

      const context = input.context.filter((c) => c.themeId === theme.themeId);
      if (context.length > 0) {
        blocks.push({ kind: 'heading', text: t('theme.context') });
        blocks.push({
          kind: 'list',
          items: context.map((c) => ({ text: typographic(c.sentence), ...(c.earlier?.length ? { notes: c.earlier.map(typographic) } : {}) })),
        });
      }

      const unsurveyed = input.unsurveyed.filter((u) => u.themeId === theme.themeId);
      if (unsurveyed.length > 0) {
        blocks.push({ kind: 'heading', text: t('theme.unsurveyed') });
        blocks.push({ kind: 'list', items: unsurveyed.map((u) => ({ text: typographic(u.sentence) })) });
      }

      const planned = input.plan.filter((entry) => entry.themeId === theme.themeId);
      if (planned.length > 0) {
        blocks.push({ kind: 'heading', text: t('theme.actions') });
        blocks.push({
          kind: 'list',
          items: planned.map((entry) => ({
            text: `${entryTitle(entry, questions, input)} (${t('theme.actionsRef', { ranks: ranks.get(entry.id) ?? '' })})`,
            ...(entry.critical ? { tag: { text: t('plan.critical'), tone: 'critical' as const } } : {}),
          })),
        });
      }
      return { id: `theme-${theme.themeId}`, title: themeTitle(theme.themeId, input), blocks };
    });
}

/** The end of the report: every answer, the method, the glossary and what to do in case of attack. */
import { outcomeAnswerText, points, say } from './report-format';
import type { ReportInput } from './report-input';
import type { Block, ReportSection, Tone } from './report-types';

/** Glossary entries, in the order printed; each has `glossary.terms.<id>.term` and `.definition`. */
export const GLOSSARY_TERMS = [
  'pca',
  'pra',
  'rto',
  'rpo',
  'rule-321',
  'rssi',
  'dpo',
  'edr',
  'mfa',
  'ransomware',
  'phishing',
  'firewall',
  'nas',
  'vpn',
  'saas',
  'csirt',
  'epci',
  'opsn',
  'anssi',
  'cnil',
  'rgpd',
] as const;

const REFLEXES = ['isolate', 'alert', 'noRansom', 'log', 'evidence'] as const;
const CONTACTS = ['17cyber', 'cybermalveillance', 'csirt', 'complaint', 'cnil', 'insurer'] as const;
const NUMBERS = ['provider', 'csirt', 'gendarmerie', 'insurer', 'dpo', 'elected'] as const;

const statusTone: Readonly<Record<string, Tone | undefined>> = {
  'in-place': 'good',
  partial: 'warning',
  gap: 'critical',
  'dont-know': 'warning',
  'implied-gap': 'critical',
};

export function buildAnswerAnnex(input: ReportInput): ReportSection {
  const { t } = input;
  const blocks: Block[] = [{ kind: 'paragraph', text: t('annex.intro') }];
  for (const themeResult of input.result.themes) {
    const theme = input.questionnaire.themes.find((d) => d.id === themeResult.themeId);
    if (!theme || themeResult.outcomes.length === 0) continue;
    blocks.push({ kind: 'heading', text: say(theme.title, input.language) });
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('annex.columns.question'), width: 0.5 },
        { header: t('annex.columns.answer'), width: 0.3 },
        { header: t('annex.columns.criticality'), width: 0.11 },
        { header: t('annex.columns.points'), width: 0.09, align: 'center' },
      ],
      rows: themeResult.outcomes.flatMap((outcome) => {
        const question = theme.questions.find((q) => q.id === outcome.questionId);
        if (!question) return [];
        const tone = statusTone[outcome.status];
        return [
          [
            { text: say(question.text, input.language) },
            { text: outcomeAnswerText(question, outcome, input), detail: t(`status.${outcome.status}`), ...(tone ? { tone } : {}) },
            { text: t(`criticality.${outcome.criticality}`) },
            {
              text:
                outcome.status === 'unanswered' || outcome.status === 'not-applicable'
                  ? t('none')
                  : t('annex.points', { earned: points(outcome.pointsEarned, input.language), weight: outcome.weight }),
            },
          ],
        ];
      }),
    });
  }
  return { id: 'annex', title: t('annex.title'), blocks };
}

export function buildMethod(input: ReportInput): ReportSection {
  const { t, benchmark } = input;
  return {
    id: 'method',
    title: t('method.title'),
    blocks: [
      { kind: 'paragraph', text: t('method.scoring') },
      { kind: 'paragraph', text: t('method.maturity') },
      { kind: 'paragraph', text: t('method.plan') },
      { kind: 'paragraph', text: t('method.guidance') },
      {
        kind: 'paragraph',
        text: benchmark ? t('method.benchmark', { id: benchmark.id, version: benchmark.version }) : t('method.noBenchmark'),
      },
    ],
  };
}

export function buildGlossary(input: ReportInput): ReportSection {
  const { t } = input;
  return {
    id: 'glossary',
    title: t('glossary.title'),
    blocks: [
      { kind: 'paragraph', text: t('glossary.intro') },
      {
        kind: 'facts',
        rows: GLOSSARY_TERMS.map((id) => ({ label: t(`glossary.terms.${id}.term`), value: t(`glossary.terms.${id}.definition`) })),
      },
    ],
  };
}

export function buildAttackSheet(input: ReportInput): ReportSection {
  const { t } = input;
  return {
    id: 'attack',
    title: t('attack.title'),
    blocks: [
      { kind: 'callout', tone: 'critical', lines: [t('attack.intro')] },
      { kind: 'heading', text: t('attack.reflexesTitle') },
      { kind: 'list', numbered: true, items: REFLEXES.map((id) => ({ text: t(`attack.reflexes.${id}`) })) },
      { kind: 'heading', text: t('attack.contactsTitle') },
      { kind: 'list', items: CONTACTS.map((id) => ({ text: t(`attack.contacts.${id}`) })) },
      { kind: 'paragraph', text: t('attack.sources'), style: 'muted' },
      { kind: 'heading', text: t('attack.numbersTitle') },
      {
        kind: 'table',
        columns: [
          { header: t('attack.numberColumns.who'), width: 0.4 },
          { header: t('attack.numberColumns.phone'), width: 0.6 },
        ],
        rows: NUMBERS.map((id) => [{ text: t(`attack.numbers.${id}`), bold: true }, { text: ' ' }]),
        minRowHeight: 7.5,
      },
    ],
  };
}

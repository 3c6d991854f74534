/** The cover and the one-page summary for the conseil municipal. */
import { entryTitle, integer, longDate, percent, questionIndex, roundScore, say, scoreTone, themeTitle, typographic } from './report-format';
import type { ReportInput } from './report-input';
import { levelRuleSentence, oldVersionSentence } from './report-levels';
import type { Block, ReportCover, ReportSection } from './report-types';

/** How many barometer comparisons the summary quotes: enough to situate the commune, few enough for one page. */
const SUMMARY_COMPARISONS = 3;
const PRIORITIES = 5;

export function buildCover(input: ReportInput): ReportCover {
  const { t, language, commune, audit, benchmark } = input;
  const facts = [
    { label: t('cover.reportDate'), value: longDate(input.generatedAt, language) },
    { label: t('cover.auditStarted'), value: longDate(audit.startedAt, language) },
    {
      label: t('cover.auditCompleted'),
      value: audit.completedAt ? longDate(audit.completedAt, language) : t('cover.auditInProgress'),
    },
    { label: t('cover.auditor'), value: audit.auditor.trim() || t('cover.auditorUnknown') },
    ...(commune.insee ? [{ label: t('cover.insee'), value: commune.insee }] : []),
    { label: t('cover.population'), value: t('cover.populationValue', { population: integer(commune.population, language) }) },
    ...(commune.epciName ? [{ label: t('cover.epci'), value: commune.epciName }] : []),
    {
      label: t('cover.questionnaire'),
      value: t('cover.questionnaireValue', { id: audit.questionnaireId, version: audit.questionnaireVersion }),
    },
    {
      label: t('cover.benchmark'),
      value: benchmark ? t('cover.benchmarkValue', { id: benchmark.id, version: benchmark.version }) : t('cover.noBenchmark'),
    },
  ];
  return {
    eyebrow: t('cover.eyebrow'),
    title: t('cover.title', { commune: commune.name }),
    subtitle: t('cover.subtitle'),
    facts,
    notes: [t('cover.confidential'), t('cover.offline')],
    contents: t('cover.contents'),
  };
}

export function buildSummary(input: ReportInput): ReportSection {
  const { t, language, result } = input;
  const blocks: Block[] = [{ kind: 'paragraph', text: t('summary.intro'), style: 'lead', optional: 1 }];
  const oldVersion = oldVersionSentence(input);
  if (oldVersion) blocks.push({ kind: 'callout', tone: 'warning', lines: [oldVersion] });
  const { score, maturity } = result.overall;
  if (score === null || maturity === null) {
    blocks.push({ kind: 'paragraph', text: t('summary.noScore') });
  } else {
    blocks.push({
      kind: 'score',
      value: t('score', { score: roundScore(score) }),
      label: t('summary.overall', { score: roundScore(score), level: t(`maturity.${maturity}.name`) }),
      tone: scoreTone(score),
    });
    const lines = [t(`maturity.${maturity}.description`)];
    const rule = levelRuleSentence(input);
    if (rule) lines.push(rule);
    if (result.certainty !== null) {
      lines.push(t('summary.certainty', { share: percent(result.certainty, language), count: result.dontKnow }));
    }
    const remaining = result.asked - result.answered;
    if (remaining > 0) lines.push(t('summary.incomplete', { count: remaining }));
    blocks.push({ kind: 'paragraph', text: lines.join(' ') });
  }

  blocks.push({
    kind: 'bar-chart',
    title: t('summary.chartTitle'),
    bars: result.themes
      .filter((theme) => theme.asked > 0)
      .map((theme) => ({
        label: themeTitle(theme.themeId, input),
        value: theme.score,
        valueText: theme.score === null ? t('notAnswered') : roundScore(theme.score),
        tone: scoreTone(theme.score),
      })),
    source: t('summary.scoreSource', { id: input.audit.questionnaireId, version: input.audit.questionnaireVersion }),
  });

  blocks.push({ kind: 'heading', text: t('summary.priorities') });
  const questions = questionIndex(input);
  const priorities = input.plan.slice(0, PRIORITIES);
  if (priorities.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('summary.prioritiesNone') });
  } else {
    blocks.push({
      kind: 'list',
      numbered: true,
      items: priorities.map((entry) => ({
        text: entryTitle(entry, questions, input),
        ...(entry.critical ? { tag: { text: t('plan.critical'), tone: 'critical' as const } } : {}),
      })),
    });
  }

  blocks.push({ kind: 'heading', text: t('summary.comparisons') });
  // One comparison per question: two waves of the same survey on one answer say the same thing twice.
  const seen = new Set<string>();
  const comparisons = input.comparisons
    .filter((c) => {
      const key = c.questionId ?? c.sentence;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, SUMMARY_COMPARISONS);
  if (comparisons.length === 0) {
    blocks.push({ kind: 'paragraph', text: t('summary.comparisonsNone'), style: 'muted' });
  } else {
    const item = (c: (typeof comparisons)[number]) => ({
      text: typographic(c.sentence),
      notes: c.source ? [t('comparison.source', { source: typographic(c.source) })] : [],
    });
    // The first comparison is always printed; the others give way, last first, if the page is full.
    comparisons.forEach((c, index) =>
      blocks.push({ kind: 'list', items: [item(c)], ...(index > 0 ? { optional: 1 + comparisons.length - index } : {}) }),
    );
  }
  blocks.push({ kind: 'callout', tone: 'neutral', lines: [t('summary.decision')] });
  return { id: 'summary', title: t('summary.title'), blocks, onePage: true };
}

/** The theme summaries in the questionnaire, for the theme pages. */
export function themeSummary(themeId: string, input: ReportInput): string {
  const theme = input.questionnaire.themes.find((t) => t.id === themeId);
  return theme ? say(theme.summary, input.language) : '';
}

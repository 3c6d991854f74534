/**
 * Benchmark figures said in words: the figure as published (population, wave, date), then the commune's own
 * answer; a context figure with its age or checking said; an earlier wave under « À savoir »; a directory
 * correction beside a wrong count; a topic no survey measured. Free of React so that the printed report says
 * exactly the same sentences as the screen. `t` may come from any i18next instance: keys carry their namespace
 * ("benchmarks:…").
 */
import type { Comparison } from '../domain/benchmarks/compare-answers';
import { DIRECTORY_COUNTS, DIRECTORY_YEAR } from '../domain/benchmarks/directory-counts';
import { MIN_COMPARISON_YEAR, type BenchmarkIndicator, type Qualifier, type Unsurveyed } from '../domain/benchmarks/schema';
import { localize } from '../domain/questionnaire/localize';
import { formatPercent } from './format';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A number as the source gives it: 0.34 → "34 %", 2729 → "2 729", a ratio 3.5 → "3,5", 550000 € → "550 000 €". */
export function formatFigure(value: number, kind: BenchmarkIndicator['kind'], language: string): string {
  if (kind === 'share') return formatPercent(value, language);
  if (kind === 'amount') return new Intl.NumberFormat(language, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(value);
  return new Intl.NumberFormat(language, { maximumFractionDigits: kind === 'ratio' ? 1 : 0 }).format(value);
}

export function qualify(figure: string, qualifier: Qualifier | undefined, t: Translate): string {
  return qualifier ? t(`benchmarks:qualifier.${qualifier}`, { value: figure }) : figure;
}

/** YYYY, YYYY-MM or YYYY-MM-DD as words: "2016", "octobre 2025", "16 octobre 2025". */
export function formatPartialDate(partial: string, language: string): string {
  const [year = '', month, day] = partial.split('-');
  if (month === undefined) return year;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, day === undefined ? 1 : Number(day)));
  if (Number.isNaN(date.getTime())) return partial;
  const options: Intl.DateTimeFormatOptions =
    day === undefined ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(language, options).format(date);
}

/** "Baromètre Numérique & Collectivités, résultats consolidés, DINUM et réseau Déclic, octobre 2025". */
export function describeSource(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  const parts = {
    document: localize(indicator.documentTitle, language),
    publisher: localize(indicator.publisher, language),
    date: formatPartialDate(indicator.publishedAt, language),
  };
  const source = indicator.wave
    ? t('benchmarks:source.withWave', { ...parts, wave: localize(indicator.wave.label, language) })
    : t('benchmarks:source.withoutWave', parts);
  if (indicator.sampleSize === null) return source;
  const sample = t('benchmarks:indicator.sampleSize', {
    count: indicator.sampleSize,
    formatted: new Intl.NumberFormat(language).format(indicator.sampleSize),
  });
  return t('benchmarks:source.withSample', { source, sample });
}

/** The figure of an indicator as words, as published: "environ 50 %", "1 sur 10", "plus de 650", "×4". */
export function describeFigure(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  if (indicator.fraction) return qualify(t('benchmarks:figure.fraction', indicator.fraction), indicator.qualifier, t);
  const figure = formatFigure(indicator.value, indicator.kind, language);
  return qualify(indicator.kind === 'ratio' ? t('benchmarks:figure.ratio', { value: figure }) : figure, indicator.qualifier, t);
}

/** The statement with its figure, as written (lower case kept, final full stop dropped). */
function statementBody(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  return localize(indicator.statement, language).split('{{value}}').join(describeFigure(indicator, t, language)).replace(/\.$/, '');
}

const capitalize = (text: string, language: string) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);

/** The indicator's statement with its figure: "Environ 50 % des élus ruraux interrogés utilisent…". */
export function describeStatement(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  // A qualifier may now open the sentence ("environ 50 %…").
  return `${capitalize(statementBody(indicator, t, language), language)}.`;
}

/** The short label of the commune's side (for charts): "Avec un PCA". */
export function positionLabel(comparison: Comparison, language: string): string | undefined {
  const sides = comparison.indicator.comparison;
  if (!sides) return undefined;
  return localize(comparison.position === 'in-group' ? sides.inGroup.label : sides.outOfGroup.label, language);
}

/**
 * The figure quoted as published, then the commune's own answer: « 66 % des collectivités répondantes n'ont pas
 * de plan de continuité d'activité (PCA) (Baromètre Numérique & Collectivités, résultats consolidés, DINUM et
 * réseau Déclic, octobre 2025). Votre commune en a un. » A share of people is said as context beside the answer.
 */
export function describeComparison(comparison: Comparison, t: Translate, language: string): string {
  const sides = comparison.indicator.comparison;
  if (!sides) return '';
  const answer = localize(comparison.position === 'in-group' ? sides.inGroup.sentence : sides.outOfGroup.sentence, language);
  const stratum = comparison.indicator.stratum;
  const parts = {
    statement: statementBody(comparison.indicator, t, language),
    source: describeSource(comparison.indicator, t, language),
    answer,
    ...(stratum ? { stratum: localize(stratum.label, language) } : {}),
  };
  const key = comparison.presentation === 'beside' ? 'beside' : 'comparison';
  const sentence = t(`benchmarks:sentence.${key}${stratum ? 'InStratum' : ''}`, parts);
  return capitalize(sentence, language);
}

/** « À savoir » for an earlier wave: named by its source, never a second comparison. */
export function describeEarlierWave(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  return t('benchmarks:sentence.earlierWave', {
    statement: statementBody(indicator, t, language),
    source: describeSource(indicator, t, language),
  });
}

/** What makes a figure context only: its age, its checking. Empty for a recent, checked figure. */
export function contextCaveats(indicator: BenchmarkIndicator, t: Translate): string[] {
  const caveats: string[] = [];
  if (indicator.year < MIN_COMPARISON_YEAR) caveats.push(t('benchmarks:sentence.old', { year: indicator.year }));
  if (indicator.verification === 'NV' || indicator.verification === '~') caveats.push(t('benchmarks:sentence.unverified'));
  return caveats;
}

/** The official directory's count set beside a quoted count that is wrong or dated; empty when there is none. */
export function describeCorrection(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  if (!indicator.correction) return '';
  return t(`benchmarks:sentence.correction.${indicator.correction}`, {
    count: new Intl.NumberFormat(language).format(DIRECTORY_COUNTS[indicator.correction]),
    year: DIRECTORY_YEAR,
  });
}

/** A figure shown for context (not a comparison): its statement, its source, then why it is context only. */
export function describeContext(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  const sentence = t('benchmarks:sentence.context', {
    statement: describeStatement(indicator, t, language),
    source: describeSource(indicator, t, language),
  });
  return [sentence, ...contextCaveats(indicator, t), describeCorrection(indicator, t, language)].filter((s) => s !== '').join(' ');
}

/** « Aucune enquête nationale publiée ne donne de chiffre sur la double authentification… » */
export function describeUnsurveyed(topic: Unsurveyed, t: Translate, language: string): string {
  return t('benchmarks:sentence.unsurveyed', { topic: localize(topic.topic, language) });
}

/**
 * Benchmark figures said in words: a commune's comparison with a barometer in one plain sentence with the
 * figure, what it counts and its source (publisher, wave, date), and a context figure the same way.
 * Free of React so that the printed report says exactly the same sentences as the screen.
 * `t` may come from any i18next instance: keys carry their namespace ("benchmarks:…").
 */
import type { Comparison } from '../domain/benchmarks/compare-answers';
import type { BenchmarkIndicator, Qualifier } from '../domain/benchmarks/schema';
import { localize } from '../domain/questionnaire/localize';
import { formatPercent } from './format';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A number as the source gives it: 0.34 → "34 %", 2729 → "2 729", a ratio 3.5 → "3,5". */
export function formatFigure(value: number, kind: BenchmarkIndicator['kind'], language: string): string {
  if (kind === 'share') return formatPercent(value, language);
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
  return indicator.wave
    ? t('benchmarks:source.withWave', { ...parts, wave: localize(indicator.wave.label, language) })
    : t('benchmarks:source.withoutWave', parts);
}

/** The figure of an indicator as words, qualifier included: "environ 50 %", "plus de 650", "×4". */
export function describeFigure(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  const figure = formatFigure(indicator.value, indicator.kind, language);
  return qualify(indicator.kind === 'ratio' ? t('benchmarks:figure.ratio', { value: figure }) : figure, indicator.qualifier, t);
}

/** The share said to the commune, qualifier turned round for the other side when needed. */
export function describeShare(comparison: Comparison, t: Translate, language: string): string {
  return qualify(formatPercent(comparison.share, language), comparison.qualifier, t);
}

/** The short label of the commune's side (for charts): "Avec un PCA". */
export function positionLabel(comparison: Comparison, language: string): string | undefined {
  const sides = comparison.indicator.comparison;
  if (!sides) return undefined;
  return localize(comparison.position === 'in-group' ? sides.inGroup.label : sides.outOfGroup.label, language);
}

/**
 * One sentence: "Votre commune fait partie des 34 % de collectivités qui ont un plan de continuité d'activité
 * (PCA) (Baromètre Numérique & Collectivités, résultats consolidés, DINUM et réseau Déclic, octobre 2025)."
 * The clause comes from the indicator's own wording, so it never says more than the figure does.
 */
export function describeComparison(comparison: Comparison, t: Translate, language: string): string {
  const sides = comparison.indicator.comparison;
  if (!sides) return '';
  const template = localize(comparison.position === 'in-group' ? sides.inGroup.sentence : sides.outOfGroup.sentence, language);
  const clause = template.split('{{share}}').join(describeShare(comparison, t, language));
  const source = describeSource(comparison.indicator, t, language);
  const stratum = comparison.indicator.stratum;
  return stratum
    ? t('benchmarks:sentence.comparisonInStratum', { clause, source, stratum: localize(stratum.label, language) })
    : t('benchmarks:sentence.comparison', { clause, source });
}

/** The indicator's statement with its figure: "Environ 50 % des élus ruraux interrogés utilisent…". */
export function describeStatement(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  const statement = localize(indicator.statement, language).split('{{value}}').join(describeFigure(indicator, t, language));
  // A qualifier may now open the sentence ("environ 50 %…").
  return statement.charAt(0).toLocaleUpperCase(language) + statement.slice(1);
}

/** A figure shown for context (not a comparison): its statement, then its source. */
export function describeContext(indicator: BenchmarkIndicator, t: Translate, language: string): string {
  return t('benchmarks:sentence.context', {
    statement: describeStatement(indicator, t, language),
    source: describeSource(indicator, t, language),
  });
}

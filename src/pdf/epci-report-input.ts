/** What the consolidated EPCI report is made from: the aggregated figures, and the words to say them. */
import type { ActionCatalogue } from '../domain/actions/parse-catalogue';
import type { EpciAggregate, EpciScope } from '../domain/epci/aggregate-epci';
import type { BarometerComparison } from '../domain/epci/barometer-comparison';
import type { Questionnaire } from '../domain/questionnaire/schema';
import type { ReportLanguage, Translate } from './report-input';

export interface EpciReportInput {
  language: ReportLanguage;
  /** When the report is made (passed in: the model never reads the clock). */
  generatedAt: Date;
  /** The EPCI's name, or the translated "every commune on this device". */
  label: string;
  scope: EpciScope;
  aggregate: EpciAggregate;
  comparisons: readonly BarometerComparison[];
  questionnaire: Questionnaire;
  catalogue: ActionCatalogue;
  benchmark: { id: string; version: number } | null;
  /** i18next's t, fixed to the `epci` namespace and the report's language. */
  t: Translate;
}

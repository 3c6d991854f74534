/** The audit's answers set against the benchmark dataset in use, computed once for the whole results page. */
import { useMemo } from 'react';
import { useActiveBenchmarks } from '../../components/use-active-benchmarks';
import type { AuditRecord } from '../../db/records';
import type { ActiveBenchmarks } from '../../db/benchmarks-repository';
import { compareAnswers, type Comparison } from '../../domain/benchmarks/compare-answers';
import { contextIndicators } from '../../domain/benchmarks/indicator-for-population';
import type { BenchmarkIndicator, Unsurveyed } from '../../domain/benchmarks/schema';
import type { Questionnaire } from '../../domain/questionnaire/schema';

export interface BenchmarkView {
  active: ActiveBenchmarks;
  comparisonsFor: (themeId: string) => Comparison[];
  contextFor: (themeId: string) => BenchmarkIndicator[];
  /** Topics of the theme no national survey has a figure on. */
  unsurveyedFor: (themeId: string) => Unsurveyed[];
}

/** null while loading, undefined when no dataset is available. */
export function useBenchmarkView(questionnaire: Questionnaire, audit: AuditRecord | undefined): BenchmarkView | null | undefined {
  const active = useActiveBenchmarks();
  return useMemo(() => {
    if (!active || !audit) return active === undefined ? undefined : null;
    const comparisons = compareAnswers(questionnaire, audit.answers, audit.profile, active.dataset);
    const population = audit.profile.population;
    return {
      active,
      comparisonsFor: (themeId) => comparisons.filter((c) => c.themeId === themeId),
      // A figure already said beside an answer in the theme is not repeated as context.
      contextFor: (themeId) => {
        const compared = new Set(comparisons.filter((c) => c.themeId === themeId).map((c) => c.indicatorId));
        return contextIndicators(active.dataset, themeId, population).filter((i) => !compared.has(i.id));
      },
      unsurveyedFor: (themeId) => active.dataset.unsurveyed.filter((u) => u.themes.includes(themeId)),
    };
  }, [active, audit, questionnaire]);
}

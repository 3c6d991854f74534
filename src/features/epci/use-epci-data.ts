/**
 * Loads everything the EPCI view shows, once per scope and again after each import: the members from the
 * directory, the communes and cached audit summaries on the device (made up to date first), the figures, and
 * the barometer comparisons. Truth stays in IndexedDB; this only reads it.
 */
import { useEffect, useState } from 'react';
import { loadActionCatalogue } from '../../content/load-actions';
import { loadQuestionnaire } from '../../content/load-questionnaire';
import { getActiveBenchmarks } from '../../db/benchmarks-repository';
import { loadCommuneInfos, loadSummaryContext, loadSummaryEntries } from '../../db/epci-repository';
import { loadDirectory } from '../../directory/load-directory';
import type { ActionCatalogue } from '../../domain/actions/parse-catalogue';
import type { BenchmarkDataset } from '../../domain/benchmarks/schema';
import { aggregateEpci, communesInScope, type EpciAggregate, type EpciScope, type Member } from '../../domain/epci/aggregate-epci';
import { compareWithBarometers, type BarometerComparison } from '../../domain/epci/barometer-comparison';
import type { CommuneInfo, SummaryEntry } from '../../domain/epci/epci-row';
import type { Questionnaire } from '../../domain/questionnaire/schema';

export type ScopeParam = { kind: 'epci'; siren: string } | { kind: 'all' };

export interface EpciData {
  scope: EpciScope;
  aggregate: EpciAggregate;
  comparisons: BarometerComparison[];
  dataset: BenchmarkDataset | null;
  questionnaire: Questionnaire;
  catalogue: ActionCatalogue;
}

export type EpciDataState = { status: 'loading' } | { status: 'not-found' } | { status: 'failed' } | { status: 'ready'; data: EpciData };

async function resolveScope(param: ScopeParam): Promise<EpciScope | null> {
  if (param.kind === 'all') return { kind: 'all' };
  const directory = await loadDirectory();
  const epci = directory.bySiren.get(param.siren);
  if (!epci) return null;
  const members: Member[] = epci.members.map((insee) => {
    const commune = directory.byInsee.get(insee);
    return { insee, name: commune?.name ?? insee, population: commune?.population ?? null };
  });
  return { kind: 'epci', siren: epci.siren, name: epci.name, members };
}

export async function loadEpciData(param: ScopeParam): Promise<EpciData | null> {
  const [scope, context, questionnaire, catalogue, benchmarks] = await Promise.all([
    resolveScope(param),
    loadSummaryContext(),
    loadQuestionnaire(),
    loadActionCatalogue(),
    getActiveBenchmarks(),
  ]);
  if (!scope) return null;
  let communes: CommuneInfo[];
  let entries: SummaryEntry[];
  if (scope.kind === 'epci') {
    communes = await loadCommuneInfos();
    entries = await loadSummaryEntries(context, { communeIds: communesInScope(scope, communes).map((c) => c.id) });
  } else {
    [communes, entries] = await Promise.all([loadCommuneInfos(), loadSummaryEntries(context)]);
  }
  const gapCatalogue = [...catalogue.values()].map(({ id, themeId, pooledOffer }) => ({ id, themeId, pooledOffer }));
  const aggregate = aggregateEpci({ scope, communes, entries, questionnaire, catalogue: gapCatalogue });
  const dataset = benchmarks?.dataset ?? null;
  const comparisons = compareWithBarometers(aggregate.rows, questionnaire, dataset);
  return { scope, aggregate, comparisons, dataset, questionnaire, catalogue };
}

/** `version` is raised after an import to read everything again. */
export function useEpciData(param: ScopeParam, version: number): EpciDataState {
  const key = param.kind === 'all' ? 'all' : param.siren;
  const [state, setState] = useState<{ key: string; value: EpciDataState }>({ key, value: { status: 'loading' } });
  useEffect(() => {
    let live = true;
    loadEpciData(key === 'all' ? { kind: 'all' } : { kind: 'epci', siren: key }).then(
      (data) => {
        if (live) setState({ key, value: data ? { status: 'ready', data } : { status: 'not-found' } });
      },
      () => {
        if (live) setState({ key, value: { status: 'failed' } });
      },
    );
    return () => {
      live = false;
    };
  }, [key, version]);
  // After an import the figures already shown stay until the new ones are ready; another scope starts afresh.
  return state.key === key ? state.value : { status: 'loading' };
}

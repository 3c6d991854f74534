/**
 * Loads everything the EPCI view shows, once per scope: the members from the directory, the communes and cached
 * audit summaries on the device (made up to date first), the figures, and the barometer comparisons. After an
 * import, what the import wrote is added to what was read (the figures are computed again, nothing is read
 * back: 35,000 summaries took a second). Truth stays in IndexedDB; the next visit reads it again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { loadActionCatalogue } from '../../content/load-actions';
import { loadQuestionnaire } from '../../content/load-questionnaire';
import { getActiveBenchmarks } from '../../db/benchmarks-repository';
import { loadCommuneInfos, loadSummaryContext, loadSummaryEntries } from '../../db/epci-repository';
import { loadDirectory } from '../../content/load-directory';
import type { ActionCatalogue } from '../../domain/actions/parse-catalogue';
import type { BenchmarkDataset } from '../../domain/benchmarks/schema';
import { aggregateEpci, communesInScope, type EpciAggregate, type EpciScope, type Member } from '../../domain/epci/aggregate-epci';
import { compareWithBarometers, type BarometerComparison } from '../../domain/epci/barometer-comparison';
import { withImported, type ImportedRecords } from '../../domain/epci/with-imported';
import type { CommuneInfo, SummaryEntry } from '../../domain/epci/epci-row';
import type { Questionnaire } from '../../domain/questionnaire/schema';

export type ScopeParam = { kind: 'epci'; siren: string } | { kind: 'all' };

export interface EpciData {
  scope: EpciScope;
  /** What the figures are made of: the communes and summaries read (and imported since). */
  communes: CommuneInfo[];
  entries: SummaryEntry[];
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
  return figures({ scope, communes, entries, questionnaire, catalogue, dataset: benchmarks?.dataset ?? null });
}

type Inputs = Pick<EpciData, 'scope' | 'communes' | 'entries' | 'questionnaire' | 'catalogue' | 'dataset'>;

function figures(inputs: Inputs): EpciData {
  const { scope, communes, entries, questionnaire, catalogue, dataset } = inputs;
  const gapCatalogue = [...catalogue.values()].map(({ id, themeId, pooledOffer }) => ({ id, themeId, pooledOffer }));
  const aggregate = aggregateEpci({ scope, communes, entries, questionnaire, catalogue: gapCatalogue });
  const comparisons = compareWithBarometers(aggregate.rows, questionnaire, dataset);
  return { ...inputs, aggregate, comparisons };
}

/** The figures once an import's records are added to those they were made of. */
export function addImported(data: EpciData, imported: ImportedRecords): EpciData {
  return figures({ ...data, ...withImported(data, imported) });
}

/**
 * The view's data, and what to call after an import: its records are added to the figures shown, or, while
 * the first read is still under way, everything is read again.
 */
export function useEpciData(param: ScopeParam): [EpciDataState, (imported: ImportedRecords) => void] {
  const key = param.kind === 'all' ? 'all' : param.siren;
  const [version, setVersion] = useState(0);
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
  const ready = state.key === key && state.value.status === 'ready';
  const readyRef = useRef(ready);
  useEffect(() => {
    readyRef.current = ready;
  }, [ready]);
  const onImported = useCallback(
    (imported: ImportedRecords) => {
      // A read still under way may have started before the import wrote: it is done again.
      if (!readyRef.current) setVersion((v) => v + 1);
      else setState((current) => (current.value.status === 'ready' ? { ...current, value: { status: 'ready', data: addImported(current.value.data, imported) } } : current));
    },
    [],
  );
  // After an import the figures already shown stay until the new ones are ready; another scope starts afresh.
  return [state.key === key ? state.value : { status: 'loading' }, onImported];
}

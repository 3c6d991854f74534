/**
 * The search state behind a directory field: the official directory loaded on first use (never with the page), the
 * text typed, searched once the typing pauses, the item chosen, and what there is to say about it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DirectoryIndex, SearchResult } from '../domain/directory/search-directory';
import { loadDirectory } from '../content/load-directory';

/** Long enough to skip the intermediate keystrokes of a word typed quickly, short enough to feel immediate. */
const DEBOUNCE_MS = 120;

type LoadState = { status: 'idle' | 'loading' | 'failed'; index: null } | { status: 'ready'; index: DirectoryIndex };

function useDirectoryOnDemand(): [LoadState, () => void] {
  const [state, setState] = useState<LoadState>({ status: 'idle', index: null });
  const started = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const load = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setState({ status: 'loading', index: null });
    loadDirectory().then(
      (index) => {
        if (mounted.current) setState({ status: 'ready', index });
      },
      () => {
        // The next focus tries again (the chunk may come back once the app is updated or online).
        started.current = false;
        if (mounted.current) setState({ status: 'failed', index: null });
      },
    );
  }, []);
  return [state, load];
}

/** What the field's status line says: nothing yet, a failed or pending load, the item chosen, or the results. */
export type SearchStatus =
  | { kind: 'quiet' }
  | { kind: 'failed' }
  | { kind: 'loading' }
  | { kind: 'chosen'; text: string }
  | { kind: 'results'; query: string; shown: number; total: number };

export function useDirectorySearch<T>(search: (index: DirectoryIndex, query: string) => SearchResult<T>) {
  const [directory, load] = useDirectoryOnDemand();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const result = useMemo<SearchResult<T>>(
    () => (directory.index && debounced.trim() !== '' ? search(directory.index, debounced) : { matches: [], total: 0 }),
    [directory.index, debounced, search],
  );

  let status: SearchStatus = { kind: 'quiet' };
  if (directory.status === 'failed') status = { kind: 'failed' };
  else if (chosen !== null && chosen === query) status = { kind: 'chosen', text: chosen };
  else if (query.trim() !== '') {
    if (directory.status !== 'ready') status = { kind: 'loading' };
    // Said once the typing pauses, not for results that are about to change.
    else if (debounced === query) status = { kind: 'results', query: query.trim(), shown: result.matches.length, total: result.total };
  }

  return {
    query,
    matches: result.matches,
    status,
    /** Starts loading the directory, if it is not loaded or loading. */
    load,
    type: (text: string) => {
      load();
      setQuery(text);
      setChosen(null);
    },
    /** Leaves the chosen item's text in the field, searched at once. */
    choose: (text: string) => {
      setQuery(text);
      setDebounced(text);
      setChosen(text);
    },
    clear: () => {
      setQuery('');
      setDebounced('');
      setChosen(null);
    },
  };
}

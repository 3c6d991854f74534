/**
 * Search fields over the official directory: CommuneSearch picks a commune (by name, postcode or INSEE code),
 * EpciSearch picks an EPCI (by name or SIREN). Both follow the ARIA 1.2 combobox pattern with a listbox popup:
 * arrows move, Enter chooses, Escape closes then clears, the number of results is read out in a live region.
 * The directory is loaded on first focus, never with the page.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryEpci } from '../domain/directory/compact-directory';
import {
  searchCommunes,
  searchEpcis,
  type CommuneMatch,
  type DirectoryIndex,
  type SearchResult,
} from '../domain/directory/search-directory';
import { loadDirectory } from '../content/load-directory';
import './commune-search.css';

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

interface Messages {
  found: (count: number) => string;
  more: (count: number, total: number) => string;
  none: (query: string) => string;
  chosen: (text: string) => string;
}

interface DirectoryComboboxProps<T> {
  label: string;
  hint: string;
  search: (index: DirectoryIndex, query: string) => SearchResult<T>;
  optionKey: (item: T) => string;
  renderOption: (item: T) => ReactNode;
  /** The text left in the field once an item is chosen. */
  chosenText: (item: T) => string;
  onSelect: (item: T) => void;
  messages: Messages;
}

function DirectoryCombobox<T>({ label, hint, search, optionKey, renderOption, chosenText, onSelect, messages }: DirectoryComboboxProps<T>) {
  const { t } = useTranslation('directory');
  const id = useId();
  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  const [directory, loadOnDemand] = useDirectoryOnDemand();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [chosen, setChosen] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [query]);

  const result = useMemo<SearchResult<T>>(
    () => (directory.index && debounced.trim() !== '' ? search(directory.index, debounced) : { matches: [], total: 0 }),
    [directory.index, debounced, search],
  );
  const { matches } = result;
  const expanded = open && matches.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (!expanded || active < 0) return;
    // jsdom has no scrollIntoView; browsers keep the active option visible in a long list.
    document.getElementById(`${id}-option-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded, active, id]);

  const choose = (item: T) => {
    const text = chosenText(item);
    setQuery(text);
    setDebounced(text);
    setOpen(false);
    setActive(-1);
    setChosen(text);
    onSelect(item);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const count = matches.length;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (count === 0) return;
        setOpen(true);
        setActive((a) => (!expanded || a < 0 ? 0 : (a + 1) % count));
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (count === 0) return;
        setOpen(true);
        setActive((a) => (!expanded || a <= 0 ? count - 1 : a - 1));
        return;
      case 'Enter': {
        // Enter in an open list chooses; it never submits the surrounding form by accident.
        if (!expanded) return;
        event.preventDefault();
        const item = matches[active];
        if (item !== undefined) choose(item);
        return;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (query !== '') {
          event.preventDefault();
          setQuery('');
          setDebounced('');
          setChosen(null);
        }
        return;
      default:
    }
  };

  let status = '';
  if (directory.status === 'failed') status = t('search.failed');
  else if (chosen !== null && chosen === query) status = messages.chosen(chosen);
  else if (query.trim() !== '') {
    if (directory.status !== 'ready') status = t('search.loading');
    else if (debounced === query) {
      status =
        result.total === 0
          ? messages.none(query.trim())
          : result.total > matches.length
            ? messages.more(matches.length, result.total)
            : messages.found(result.total);
    }
  }

  return (
    <div className="field combobox">
      <label htmlFor={id}>{label}</label>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      <div className="combobox__control">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${hintId} ${statusId}`}
          autoComplete="off"
          spellCheck={false}
          value={query}
          onFocus={loadOnDemand}
          onChange={(event) => {
            loadOnDemand();
            setQuery(event.target.value);
            setOpen(true);
            setActive(-1);
            setChosen(null);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            setActive(-1);
          }}
        />
        <ul id={listboxId} role="listbox" aria-label={label} className="combobox__listbox" hidden={!expanded}>
          {matches.map((item, index) => (
            <li
              key={optionKey(item)}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="combobox__option"
              // Keeps the focus in the field, so the list does not close before the click lands.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(item)}
            >
              {renderOption(item)}
            </li>
          ))}
        </ul>
      </div>
      <p id={statusId} className="field__hint combobox__status" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

const byCommune = (index: DirectoryIndex, query: string) => searchCommunes(index, query);
const byEpci = (index: DirectoryIndex, query: string) => searchEpcis(index, query);

/** Picks a commune of the official directory; the match carries the postcode typed when the commune has several. */
export function CommuneSearch({ label, hint, onSelect }: { label?: string; hint?: string; onSelect: (match: CommuneMatch) => void }) {
  const { t, i18n } = useTranslation('directory');
  return (
    <DirectoryCombobox<CommuneMatch>
      label={label ?? t('commune.label')}
      hint={hint ?? t('commune.hint')}
      search={byCommune}
      optionKey={(m) => m.commune.insee}
      chosenText={(m) => m.commune.name}
      onSelect={onSelect}
      renderOption={({ commune, postcode }) => (
        <>
          <span className="combobox__name">{commune.name}</span>{' '}
          <span className="combobox__details">
            {[
              postcode || null,
              t('commune.insee', { insee: commune.insee }),
              commune.population === null ? null : t('commune.population', { population: commune.population.toLocaleString(i18n.language) }),
              commune.epci?.name ?? null,
            ]
              .filter((part) => part !== null)
              .join(' · ')}
          </span>
        </>
      )}
      messages={{
        found: (count) => t('commune.found', { count }),
        more: (count, total) => t('commune.more', { count, total: total.toLocaleString(i18n.language) }),
        none: (query) => t('commune.none', { query }),
        chosen: (name) => t('commune.chosen', { name }),
      }}
    />
  );
}

/** Picks an EPCI of the official directory (the EPCI view uses it to choose the intercommunalité to look at). */
export function EpciSearch({ label, hint, onSelect }: { label?: string; hint?: string; onSelect: (epci: DirectoryEpci) => void }) {
  const { t } = useTranslation('directory');
  return (
    <DirectoryCombobox<DirectoryEpci>
      label={label ?? t('epci.label')}
      hint={hint ?? t('epci.hint')}
      search={byEpci}
      optionKey={(e) => e.siren}
      chosenText={(e) => e.name}
      onSelect={onSelect}
      renderOption={(epci) => (
        <>
          <span className="combobox__name">{epci.name}</span>{' '}
          <span className="combobox__details">
            {[t(`epciType.${epci.type}`), t('epci.siren', { siren: epci.siren }), t('epci.members', { count: epci.members.length })].join(' · ')}
          </span>
        </>
      )}
      messages={{
        found: (count) => t('epci.found', { count }),
        more: (count, total) => t('epci.more', { count, total }),
        none: (query) => t('epci.none', { query }),
        chosen: (name) => t('epci.chosen', { name }),
      }}
    />
  );
}

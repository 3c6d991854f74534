/**
 * A search field over the official directory, following the ARIA 1.2 combobox pattern with a listbox popup: arrows
 * move, Enter chooses, Escape closes then clears, the number of results is read out in a live region. What is
 * searched and how an item reads are given by the wrappers (commune-search.tsx).
 */
import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryIndex, SearchResult } from '../domain/directory/search-directory';
import { useDirectorySearch, type SearchStatus } from './use-directory-search';
import './directory-combobox.css';

interface ComboboxMessages {
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
  messages: ComboboxMessages;
}

export function DirectoryCombobox<T>({ label, hint, search, optionKey, renderOption, chosenText, onSelect, messages }: DirectoryComboboxProps<T>) {
  const { t } = useTranslation('directory');
  const id = useId();
  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;
  const directory = useDirectorySearch(search);
  const { query, matches } = directory;
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  const expanded = open && matches.length > 0;
  const optionId = (index: number) => `${id}-option-${index}`;

  useEffect(() => {
    if (!expanded || active < 0) return;
    // jsdom has no scrollIntoView; browsers keep the active option visible in a long list.
    document.getElementById(`${id}-option-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [expanded, active, id]);

  const choose = (item: T) => {
    directory.choose(chosenText(item));
    setOpen(false);
    setActive(-1);
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
          directory.clear();
        }
        return;
      default:
    }
  };

  const statusText = (status: SearchStatus): string => {
    switch (status.kind) {
      case 'quiet':
        return '';
      case 'failed':
        return t('search.failed');
      case 'loading':
        return t('search.loading');
      case 'chosen':
        return messages.chosen(status.text);
      case 'results':
        if (status.total === 0) return messages.none(status.query);
        return status.total > status.shown ? messages.more(status.shown, status.total) : messages.found(status.total);
    }
  };

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
          onFocus={directory.load}
          onChange={(event) => {
            directory.type(event.target.value);
            setOpen(true);
            setActive(-1);
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
        {statusText(directory.status)}
      </p>
    </div>
  );
}

/**
 * A form value stored as it is typed: the field shows what the user types at once, each change is written
 * straight away, and a change stored from elsewhere (a carried-over plan, another tab) is taken when the user
 * is not editing the field.
 */
import { useState } from 'react';

export function useDraft(stored: string, save: (value: string) => void) {
  const [draft, setDraft] = useState(stored);
  const [lastStored, setLastStored] = useState(stored);
  const [editing, setEditing] = useState(false);
  if (stored !== lastStored) {
    setLastStored(stored);
    if (!editing) setDraft(stored);
  }
  return {
    value: draft,
    onChange: (value: string) => {
      setDraft(value);
      save(value);
    },
    onFocus: () => setEditing(true),
    onBlur: () => setEditing(false),
  };
}

/**
 * What the user has typed but not yet saved (a commune form half filled in, a filter), kept across the reload that
 * installs a new version: written to sessionStorage just before it, put back into the same fields of the same page
 * just after. Passphrases are never written anywhere.
 */
const STORAGE_KEY = 'cyberdiag:typed-before-update';
/** Fields put back when they appear within this time after the reload (pages load their data first). */
const RESTORE_WINDOW_MS = 10_000;
const TEXT_TYPES = new Set(['text', 'search', 'email', 'tel', 'url', 'number', 'date', 'month', 'time', 'datetime-local']);

type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface SavedField {
  key: string;
  value: string;
  checked?: boolean;
}

/** The page's own fields, each named by its name (or id) and its rank among fields of that name. */
function namedFields(): Array<{ key: string; field: Field }> {
  const seen = new Map<string, number>();
  const found: Array<{ key: string; field: Field }> = [];
  for (const field of document.querySelectorAll<Field>('main input, main textarea, main select')) {
    const name = field.name || field.id;
    if (!name) continue;
    if (field instanceof HTMLInputElement && !TEXT_TYPES.has(field.type) && field.type !== 'radio' && field.type !== 'checkbox') continue;
    const rank = seen.get(name) ?? 0;
    seen.set(name, rank + 1);
    found.push({ key: `${name}#${rank}`, field });
  }
  return found;
}

export function saveTypedFields(): void {
  const fields: SavedField[] = namedFields().map(({ key, field }) =>
    field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')
      ? { key, value: field.value, checked: field.checked }
      : { key, value: field.value },
  );
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ path: location.pathname + location.search, fields }));
  } catch {
    // Storage refused (private mode, quota): the answers themselves are in IndexedDB already.
  }
}

/** Sets a field's value as typing would, so that React's state follows. */
function typeInto(field: Field, saved: SavedField): void {
  if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) {
    if (saved.checked !== undefined && field.checked !== saved.checked) field.click();
    return;
  }
  if (field.value === saved.value) return;
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field) as object, 'value')?.set;
  setter?.call(field, saved.value);
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

/** After a reload: puts back what was saved for this page, as its fields appear. */
export function restoreTypedFields(): void {
  let raw: string | null = null;
  try {
    raw = sessionStorage.getItem(STORAGE_KEY);
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    return;
  }
  if (!raw) return;
  const saved = JSON.parse(raw) as { path: string; fields: SavedField[] };
  if (saved.path !== location.pathname + location.search) return;
  const pending = new Map(saved.fields.map((f) => [f.key, f]));
  const fill = () => {
    for (const { key, field } of namedFields()) {
      const value = pending.get(key);
      if (!value) continue;
      pending.delete(key);
      typeInto(field, value);
    }
    if (pending.size === 0) observer.disconnect();
  };
  const observer = new MutationObserver(fill);
  observer.observe(document.body, { childList: true, subtree: true });
  window.setTimeout(() => observer.disconnect(), RESTORE_WINDOW_MS);
  fill();
}

/** The export page's list of communes at scale: sorted for reading, searched by name, EPCI or code. */
import type { ExportableCommune } from '../../db/exchange-repository';
import { normalizeSearchText } from '../../domain/directory/normalize-search-text';

export interface ListedCommune extends ExportableCommune {
  /** Names as searched (commune and EPCI): a query is found anywhere in them ("dronne", "pays de gex"). */
  words: string;
  /** Codes as searched (INSEE, postcode, EPCI SIREN): a query is found at their start ("16" is the Charente). */
  codes: string[];
}

/**
 * Sorted as a reader expects (accents and case ignored, "Éguilles" among the E, numbers in numeric order), which
 * the IndexedDB name index does not do, and prepared once for searching: 35,000 communes are searched on each
 * keystroke.
 */
export function prepareExportList(communes: readonly ExportableCommune[], language: string): ListedCommune[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
  return communes
    .map((commune) => ({
      ...commune,
      // "|" never survives normalisation, so a query cannot match across the two names.
      words: `${normalizeSearchText(commune.name)}|${normalizeSearchText(commune.epciName)}`,
      codes: [commune.insee, commune.postcode, commune.epciSiren].map(normalizeSearchText).filter((code) => code !== ''),
    }))
    .sort((a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The communes a query finds; the list itself (the same array) when the query is empty. */
export function searchExportList(list: readonly ListedCommune[], query: string): readonly ListedCommune[] {
  const wanted = normalizeSearchText(query);
  if (wanted === '') return list;
  return list.filter((commune) => commune.words.includes(wanted) || commune.codes.some((code) => code.startsWith(wanted)));
}

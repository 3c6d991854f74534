/**
 * Search fields over the official directory: CommuneSearch picks a commune (by name, postcode or INSEE code),
 * EpciSearch picks an EPCI (by name or SIREN). Each says what it searches and how an item reads; the field itself
 * is the one directory combobox.
 */
import { useTranslation } from 'react-i18next';
import type { DirectoryEpci } from '../domain/directory/compact-directory';
import { searchCommunes, searchEpcis, type CommuneMatch, type DirectoryIndex } from '../domain/directory/search-directory';
import { DirectoryCombobox } from './directory-combobox';

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

/**
 * Build step for the official directory: a Vite plugin serving the virtual module `virtual:communes-directory`,
 * whose default export is the compact text of src/domain/directory/compact-directory.ts made from the
 * devDependency @etalab/decoupage-administratif. Nothing generated is committed: `vite build`, the dev server
 * and Vitest all make it from node_modules. The app imports it with import() only, so it lands in a chunk of
 * its own, outside the first page, precached by the service worker like every other chunk.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { EPCI_TYPES, writeCompactDirectory, type DirectorySource, type EpciType } from '../domain/directory/compact-directory.ts';

export const DIRECTORY_MODULE_ID = 'virtual:communes-directory';
const RESOLVED_ID = `\0${DIRECTORY_MODULE_ID}`;
const PACKAGE = '@etalab/decoupage-administratif';

interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  codesPostaux?: string[];
  population?: number;
}

interface EtalabEpci {
  code: string;
  nom: string;
  type: string;
  membres: Array<{ code: string }>;
}

const isEpciType = (value: string): value is EpciType => (EPCI_TYPES as readonly string[]).includes(value);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

/** The directory as the app needs it: current communes only (no communes déléguées, associées, arrondissements). */
export function readEtalabDirectory(): DirectorySource {
  const require = createRequire(import.meta.url);
  const { version } = readJson(require.resolve(`${PACKAGE}/package.json`)) as { version: string };
  const communes = readJson(require.resolve(`${PACKAGE}/data/communes.json`)) as EtalabCommune[];
  const epcis = readJson(require.resolve(`${PACKAGE}/data/epci.json`)) as EtalabEpci[];
  const epciOf = new Map<string, string>();
  for (const epci of epcis) for (const member of epci.membres) epciOf.set(member.code, epci.code);
  return {
    source: `${PACKAGE} ${version}`,
    epcis: epcis.map((epci) => {
      if (!isEpciType(epci.type)) throw new Error(`${PACKAGE}: unknown EPCI type ${epci.type} (${epci.code})`);
      return { siren: epci.code, name: epci.nom, type: epci.type };
    }),
    communes: communes
      .filter((c) => c.type === 'commune-actuelle')
      .map((c) => ({
        insee: c.code,
        name: c.nom,
        postcodes: c.codesPostaux ?? [],
        population: c.population ?? null,
        epciSiren: epciOf.get(c.code) ?? null,
      })),
  };
}

export function communesDirectoryPlugin(): Plugin {
  let code: string | undefined;
  return {
    name: 'cyberdiag-communes-directory',
    resolveId(id) {
      return id === DIRECTORY_MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      // Made once per process: reading the 12 MB of source JSON takes a few hundred milliseconds.
      code ??= `export default ${JSON.stringify(writeCompactDirectory(readEtalabDirectory()))};\n`;
      return code;
    },
  };
}

/**
 * The compact text form of the official directory of communes and EPCIs, and its reader. Written at build time
 * (the plugin in vite.config.ts) from @etalab/decoupage-administratif, read in the browser when a search
 * field needs it. Columnar, because gzip packs a column of alike values far better than mixed rows.
 *
 * Layout, one item per line:
 *   CYBERDIAG-DIRECTORY|1|<source>|<epci count>|<commune count>
 *   <siren>|<type>|<name>                      one line per EPCI, in order (a commune points to its EPCI by index)
 *   INSEE codes    communes sorted by code, comma-separated: a 5-character token is a full code (first commune of
 *                  a department), otherwise the gap since the previous code's last 3 digits minus one ('' = next)
 *   names          '|'-separated
 *   postcodes      '|' between communes, ',' between one commune's postcodes; a 3-digit postcode is the rest
 *                  of a code starting with the commune's first two INSEE characters (01400 in 01 → "400")
 *   populations    '|'-separated, '' when unknown
 *   EPCI indexes   '|'-separated, '' when the commune belongs to no EPCI (islands, overseas collectivities)
 */

export const DIRECTORY_FORMAT = 'CYBERDIAG-DIRECTORY';
export const DIRECTORY_FORMAT_VERSION = 1;

export const EPCI_TYPES = ['CC', 'CA', 'CU', 'METRO', 'MET69'] as const;
/** Communauté de communes, d'agglomération, urbaine, métropole, Métropole de Lyon. */
export type EpciType = (typeof EPCI_TYPES)[number];

export interface DirectoryEpci {
  siren: string;
  name: string;
  type: EpciType;
  /** INSEE codes of the member communes, in code order. */
  members: string[];
}

export interface DirectoryCommune {
  /** Code officiel géographique: 5 digits, or 2A/2B + 3 digits in Corsica. */
  insee: string;
  name: string;
  postcodes: string[];
  /** Population municipale, null when the source does not give it. */
  population: number | null;
  epci: DirectoryEpci | null;
}

export interface CommunesDirectory {
  /** Where the data comes from, with its version (shown to the user). */
  source: string;
  communes: DirectoryCommune[];
  epcis: DirectoryEpci[];
}

/** What the build step hands to the writer. */
export interface DirectorySource {
  source: string;
  epcis: ReadonlyArray<{ siren: string; name: string; type: EpciType }>;
  communes: ReadonlyArray<{
    insee: string;
    name: string;
    postcodes: readonly string[];
    population: number | null;
    epciSiren: string | null;
  }>;
}

export class DirectoryFormatError extends Error {
  constructor(problem: string) {
    super(`communes directory: ${problem}`);
    this.name = 'DirectoryFormatError';
  }
}

const INSEE = /^(\d{5}|2[AB]\d{3})$/;
const POSTCODE = /^\d{5}$/;
const SIREN = /^\d{9}$/;
const isEpciType = (value: string): value is EpciType => (EPCI_TYPES as readonly string[]).includes(value);

/** A text field must not contain the separators; the source never has them, but the writer checks. */
function cleanText(value: string, what: string): string {
  if (/[|\n\r]/.test(value) || value.trim() === '') throw new DirectoryFormatError(`bad ${what}: ${JSON.stringify(value)}`);
  return value;
}

export function writeCompactDirectory(input: DirectorySource): string {
  const epciIndex = new Map(input.epcis.map((epci, index) => [epci.siren, index]));
  const communes = [...input.communes].sort((a, b) => (a.insee < b.insee ? -1 : a.insee > b.insee ? 1 : 0));
  const lines = [[DIRECTORY_FORMAT, DIRECTORY_FORMAT_VERSION, cleanText(input.source, 'source'), input.epcis.length, communes.length].join('|')];
  for (const epci of input.epcis) {
    if (!SIREN.test(epci.siren)) throw new DirectoryFormatError(`bad SIREN ${epci.siren}`);
    lines.push([epci.siren, epci.type, cleanText(epci.name, 'EPCI name')].join('|'));
  }
  const codes: string[] = [];
  let previous: string | null = null;
  for (const { insee } of communes) {
    if (!INSEE.test(insee)) throw new DirectoryFormatError(`bad INSEE code ${insee}`);
    if (previous === insee) throw new DirectoryFormatError(`INSEE code ${insee} twice`);
    if (previous === null || previous.slice(0, 2) !== insee.slice(0, 2)) codes.push(insee);
    else {
      const gap = Number(insee.slice(2)) - Number(previous.slice(2)) - 1;
      codes.push(gap === 0 ? '' : String(gap));
    }
    previous = insee;
  }
  lines.push(codes.join(','));
  lines.push(communes.map((c) => cleanText(c.name, 'commune name')).join('|'));
  lines.push(
    communes
      .map((c) =>
        c.postcodes
          .map((postcode) => {
            if (!POSTCODE.test(postcode)) throw new DirectoryFormatError(`bad postcode ${postcode} for ${c.insee}`);
            return postcode.slice(0, 2) === c.insee.slice(0, 2) ? postcode.slice(2) : postcode;
          })
          .join(','),
      )
      .join('|'),
  );
  lines.push(communes.map((c) => (c.population === null ? '' : String(c.population))).join('|'));
  lines.push(
    communes
      .map((c) => {
        if (c.epciSiren === null) return '';
        const index = epciIndex.get(c.epciSiren);
        if (index === undefined) throw new DirectoryFormatError(`unknown EPCI ${c.epciSiren} for ${c.insee}`);
        return String(index);
      })
      .join('|'),
  );
  return lines.join('\n');
}

function column(line: string | undefined, separator: string, count: number, what: string): string[] {
  if (line === undefined) throw new DirectoryFormatError(`${what} missing`);
  const values = count === 0 && line === '' ? [] : line.split(separator);
  if (values.length !== count) throw new DirectoryFormatError(`${what}: ${values.length} values for ${count} communes`);
  return values;
}

/** Reads the text written by writeCompactDirectory (a build artefact of the app itself, not user input). */
export function readCompactDirectory(text: string): CommunesDirectory {
  const lines = text.split('\n');
  const [format, version, source = '', epciCountText, communeCountText] = (lines[0] ?? '').split('|');
  if (format !== DIRECTORY_FORMAT || Number(version) !== DIRECTORY_FORMAT_VERSION) {
    throw new DirectoryFormatError('not a directory of this version');
  }
  const epciCount = Number(epciCountText);
  const communeCount = Number(communeCountText);
  if (!Number.isInteger(epciCount) || !Number.isInteger(communeCount)) throw new DirectoryFormatError('bad header');

  const epcis: DirectoryEpci[] = [];
  for (let i = 1; i <= epciCount; i += 1) {
    const [siren = '', type = '', name = ''] = (lines[i] ?? '').split('|');
    if (!SIREN.test(siren) || !isEpciType(type) || name === '') throw new DirectoryFormatError(`bad EPCI line ${i + 1}`);
    epcis.push({ siren, name, type, members: [] });
  }

  let at = epciCount + 1;
  const codeTokens = column(lines[at++], ',', communeCount, 'INSEE codes');
  const names = column(lines[at++], '|', communeCount, 'names');
  const postcodes = column(lines[at++], '|', communeCount, 'postcodes');
  const populations = column(lines[at++], '|', communeCount, 'populations');
  const epciIndexes = column(lines[at++], '|', communeCount, 'EPCIs');

  const communes: DirectoryCommune[] = new Array<DirectoryCommune>(communeCount);
  let previous = '';
  for (let i = 0; i < communeCount; i += 1) {
    const token = codeTokens[i] ?? '';
    let insee: string;
    if (token.length === 5) insee = token;
    else {
      if (previous === '') throw new DirectoryFormatError('first INSEE code is not a full code');
      const next = Number(previous.slice(2)) + Number(token) + 1;
      insee = previous.slice(0, 2) + String(next).padStart(3, '0');
    }
    previous = insee;
    const prefix = insee.slice(0, 2);
    const postcodeText = postcodes[i] ?? '';
    const epciText = epciIndexes[i] ?? '';
    const populationText = populations[i] ?? '';
    const epci = epciText === '' ? null : (epcis[Number(epciText)] ?? null);
    if (epciText !== '' && epci === null) throw new DirectoryFormatError(`unknown EPCI index for ${insee}`);
    epci?.members.push(insee);
    communes[i] = {
      insee,
      name: names[i] ?? '',
      postcodes: postcodeText === '' ? [] : postcodeText.split(',').map((p) => (p.length === 3 ? prefix + p : p)),
      population: populationText === '' ? null : Number(populationText),
      epci,
    };
  }
  return { source, communes, epcis };
}

/**
 * The one door for a benchmark file coming from outside (an import) or shipped with the app: from unknown text
 * to a checked dataset, or an error with a code. Steps, in order: size cap → JSON.parse → format marker →
 * format version → strict schema (nested levels included). Nothing is stored here.
 */
import type { z } from 'zod';
import { BENCHMARK_FORMAT, BENCHMARK_FORMAT_VERSION, benchmarkDatasetSchema, type BenchmarkDataset } from './schema';

/** Far above the shipped dataset (about 150 KB); a bigger file is refused before it is parsed. */
export const MAX_BENCHMARK_FILE_BYTES = 2 * 1024 * 1024;

export type BenchmarkFileErrorCode =
  | 'too-large'
  | 'not-json'
  | 'not-ours'
  | 'newer-format'
  | 'older-format'
  | 'invalid'
  | 'untrusted-link'
  | 'too-far-ahead'
  | 'other-dataset'
  | 'older-version'
  | 'same-version';

export interface BenchmarkFileError {
  code: BenchmarkFileErrorCode;
  /** For "invalid": where in the file the first problem is, e.g. "indicators[3] (cmv-2023-firewall).value". */
  path?: string;
  /** For the version rules: the file's dataset id and version, the version in use, the shipped one and the cap. */
  id?: string;
  version?: number;
  currentVersion?: number;
  bundledVersion?: number;
  maxVersion?: number;
}

export type BenchmarkFileResult = { ok: true; dataset: BenchmarkDataset } | { ok: false; error: BenchmarkFileError };

const fail = (code: BenchmarkFileErrorCode, path?: string): BenchmarkFileResult => ({
  ok: false,
  error: path === undefined ? { code } : { code, path },
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A readable path into the file; array items of indicators are named by their id when they have one. */
export function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  let out = '';
  let node: unknown = raw;
  for (const key of path) {
    if (typeof key === 'number') {
      out += `[${key}]`;
      node = Array.isArray(node) ? node[key] : undefined;
      if (isRecord(node) && typeof node.id === 'string' && node.id.length <= 100) out += ` (${node.id})`;
    } else {
      const name = String(key);
      out += out === '' ? name : `.${name}`;
      node = isRecord(node) ? node[name] : undefined;
    }
  }
  return out === '' ? '/' : out;
}

export function issuePath(raw: unknown, issue: z.core.$ZodIssue): string {
  // An unknown key is reported at its parent: name the key itself, it is what the author must remove.
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const base = describePath(raw, issue.path);
  return keys.length > 0 ? `${base === '/' ? '' : `${base}.`}${keys.join(', ')}` : base;
}

/** Checks an already-parsed value (for the bundled file, which the bundler has parsed). */
export function checkBenchmarkData(raw: unknown): BenchmarkFileResult {
  if (!isRecord(raw) || raw.format !== BENCHMARK_FORMAT) return fail('not-ours');
  if (typeof raw.formatVersion === 'number' && raw.formatVersion > BENCHMARK_FORMAT_VERSION) return fail('newer-format');
  // Version 1 said computed complements in its sentences; nothing can turn them into published figures.
  if (typeof raw.formatVersion === 'number' && raw.formatVersion < BENCHMARK_FORMAT_VERSION) return fail('older-format');
  const result = benchmarkDatasetSchema.safeParse(raw);
  if (!result.success) {
    // A link off the publishers' allow-list gets its own message wherever it is in the file.
    const link = result.error.issues.find((issue) => issue.path.at(-1) === 'url' && issue.code !== 'invalid_type');
    if (link) return fail('untrusted-link', issuePath(raw, link));
    const issue = result.error.issues[0];
    return fail('invalid', issue ? issuePath(raw, issue) : '/');
  }
  return { ok: true, dataset: result.data };
}

/** Reads the text of a file given by the user. */
export function readBenchmarkFile(text: string): BenchmarkFileResult {
  // Characters never outnumber UTF-8 bytes, so this cap is at least as loose as the byte cap checked on the File.
  if (text.length > MAX_BENCHMARK_FILE_BYTES) return fail('too-large');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail('not-json');
  }
  return checkBenchmarkData(raw);
}

/**
 * Which dataset a device keeps: the rules shared by the app start (bundled dataset) and the import of a file.
 * A device only ever moves to a higher version of the same dataset; audits are never involved.
 */
import type { BenchmarkFileErrorCode } from './read-benchmark-file';

export interface InstalledDataset {
  id: string;
  version: number;
  source: 'bundled' | 'imported';
}

/** The dataset shipped with this release replaces what is stored only when it is newer (or another dataset). */
export function shouldInstallBundled(current: InstalledDataset | undefined, bundled: { id: string; version: number }): boolean {
  if (!current) return true;
  // A release that ships a dataset under a new id has retired the old one, whatever its version.
  if (current.id !== bundled.id) return true;
  return bundled.version > current.version;
}

/**
 * An imported file must be a newer version of the dataset in use. An older one is refused (it would bring back
 * figures that were corrected), the same version is refused as already installed, another dataset is refused
 * because the questionnaire's indicator ids refer to this one.
 */
export function checkImport(
  current: InstalledDataset | undefined,
  candidate: { id: string; version: number },
): { ok: true } | { ok: false; code: Extract<BenchmarkFileErrorCode, 'other-dataset' | 'older-version' | 'same-version'> } {
  if (!current) return { ok: true };
  if (candidate.id !== current.id) return { ok: false, code: 'other-dataset' };
  if (candidate.version < current.version) return { ok: false, code: 'older-version' };
  if (candidate.version === current.version) return { ok: false, code: 'same-version' };
  return { ok: true };
}

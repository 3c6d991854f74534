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

/**
 * How far past the shipped dataset a file's version may go. An OPSN may publish a few updates between two
 * releases of the app; a file claiming more is not trusted, so that a forged `version: 1000000` cannot pin itself
 * on a device and shut out every later shipped update.
 */
export const MAX_VERSIONS_AHEAD = 10;

export const maxTrustedVersion = (bundledVersion: number) => bundledVersion + MAX_VERSIONS_AHEAD;

/**
 * The dataset shipped with this release replaces what is stored when it is newer, another dataset, or when the
 * stored one claims a version beyond what this release trusts (left by an older app that had no cap).
 * `current` is undefined when nothing readable is stored.
 */
export function shouldInstallBundled(current: InstalledDataset | undefined, bundled: { id: string; version: number }): boolean {
  if (!current) return true;
  // A release that ships a dataset under a new id has retired the old one, whatever its version.
  if (current.id !== bundled.id) return true;
  if (current.version > maxTrustedVersion(bundled.version)) return true;
  return bundled.version > current.version;
}

/**
 * An imported file must be a newer version of the dataset in use, and no further ahead of the shipped one than
 * MAX_VERSIONS_AHEAD. An older one is refused (it would bring back figures that were corrected), the same version
 * is refused as already installed, another dataset is refused because the questionnaire's indicator ids refer to
 * the shipped one.
 */
export function checkImport(
  current: InstalledDataset | undefined,
  candidate: { id: string; version: number },
  bundled: { id: string; version: number },
): { ok: true } | { ok: false; code: Extract<BenchmarkFileErrorCode, 'other-dataset' | 'older-version' | 'same-version' | 'too-far-ahead'> } {
  if (candidate.id !== bundled.id) return { ok: false, code: 'other-dataset' };
  if (candidate.version > maxTrustedVersion(bundled.version)) return { ok: false, code: 'too-far-ahead' };
  if (!current) return { ok: true };
  if (candidate.id !== current.id) return { ok: false, code: 'other-dataset' };
  if (candidate.version < current.version) return { ok: false, code: 'older-version' };
  if (candidate.version === current.version) return { ok: false, code: 'same-version' };
  return { ok: true };
}

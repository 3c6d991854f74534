/**
 * The counts the results page sets beside a wrong or dated count of communes are the directory's own: recounted
 * here from the compact directory the app ships (built from @etalab/decoupage-administratif), so that a new
 * version of the package cannot leave the constant behind.
 */
import { describe, expect, it } from 'vitest';
import directoryText from 'virtual:communes-directory';
import { DIRECTORY_COUNTS, DIRECTORY_SOURCE } from '../../../src/domain/benchmarks/directory-counts';
import { readCompactDirectory } from '../../../src/domain/directory/compact-directory';

describe('directory counts', () => {
  const directory = readCompactDirectory(directoryText);

  it('names the package version the counts come from', () => {
    expect(directory.source).toBe(DIRECTORY_SOURCE);
  });

  it('counts the current communes', () => {
    expect(DIRECTORY_COUNTS.communes).toBe(directory.communes.length);
  });

  it('counts the communes whose legal population is under 10,000 inhabitants', () => {
    const under = directory.communes.filter((c) => c.population !== null && c.population < 10_000).length;
    expect(DIRECTORY_COUNTS['communes-under-10000']).toBe(under);
    // The article's 9,025 is wrong by far: nearly every commune is under 10,000 inhabitants.
    expect(under).toBeGreaterThan(30_000);
  });
});

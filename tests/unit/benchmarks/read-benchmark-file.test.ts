/** The one door for benchmark files: every malformed or hostile file is refused with a code (and a path when invalid). */
import { describe, expect, it } from 'vitest';
import versionOneFile from '../../fixtures/benchmarks/barometres-v1.json';
import { loadBundledBenchmarks } from '../../../src/content/load-benchmarks';
import { checkImport, MAX_VERSIONS_AHEAD, shouldInstallBundled } from '../../../src/domain/benchmarks/decide-install';
import { MAX_BENCHMARK_FILE_BYTES, readBenchmarkFile } from '../../../src/domain/benchmarks/read-benchmark-file';

type Json = Record<string, unknown>;

describe('readBenchmarkFile', async () => {
  const bundled = await loadBundledBenchmarks();
  /** The shipped dataset as plain JSON, changed by `edit`. */
  const file = (edit: (data: Json & { indicators: Json[] }) => void = () => undefined): string => {
    const data = structuredClone(bundled) as unknown as Json & { indicators: Json[] };
    edit(data);
    return JSON.stringify(data);
  };
  const first = (data: { indicators: Json[] }): Json => {
    const [indicator] = data.indicators;
    if (!indicator) throw new Error('no indicator');
    return indicator;
  };

  it('accepts the shipped dataset', () => {
    const result = readBenchmarkFile(file());
    expect(result.ok && result.dataset.indicators.length).toBe(bundled.indicators.length);
  });

  it.each([
    ['a file over the size cap', 'x'.repeat(MAX_BENCHMARK_FILE_BYTES + 1), 'too-large', undefined],
    ['text that is not JSON', '{"format": "cyberdiag-benchmarks",', 'not-json', undefined],
    ['a JSON array', '[]', 'not-ours', undefined],
    ['JSON null', 'null', 'not-ours', undefined],
    ['another app’s file', JSON.stringify({ format: 'cyberdiag-export', version: 1 }), 'not-ours', undefined],
  ])('refuses %s', (_name, text, code, path) => {
    expect(readBenchmarkFile(text)).toEqual({ ok: false, error: path === undefined ? { code } : { code, path } });
  });

  it('refuses a file from a newer format', () => {
    expect(readBenchmarkFile(file((d) => (d.formatVersion = 3)))).toEqual({ ok: false, error: { code: 'newer-format' } });
  });

  it('refuses the version 1 file, whose sentences said computed complements', () => {
    expect(readBenchmarkFile(JSON.stringify(versionOneFile))).toEqual({ ok: false, error: { code: 'older-format' } });
  });

  it.each([
    ['a site no publisher of the file is on', 'https://evil.example/cybermalveillance.gouv.fr'],
    ['a look-alike of a publisher', 'https://cybermalveillance.gouv.fr.evil.example/'],
    ['a publisher name inside another domain', 'https://notcybermalveillance.gouv.fr/'],
    ['a plain http address', 'http://www.cybermalveillance.gouv.fr/'],
    ['an address with credentials', 'https://user:pass@cybermalveillance.gouv.fr/'],
    ['a javascript: address', 'javascript:alert(1)'],
  ])('refuses a link to %s, naming where', (_name, url) => {
    const result = readBenchmarkFile(file((d) => (first(d).url = url)));
    expect(result).toEqual({ ok: false, error: { code: 'untrusted-link', path: `indicators[0] (${firstId()}).url` } });
  });

  it('refuses a relay link off the allow-list too', () => {
    const result = readBenchmarkFile(
      file((d) => {
        const relayed = d.indicators.find((i) => Array.isArray(i.reportedIn));
        const relays = relayed?.reportedIn as Json[] | undefined;
        if (relays?.[0]) relays[0].url = 'https://phishing.example/';
        d.indicators = relayed ? [relayed] : [];
      }),
    );
    expect(result.ok ? '' : result.error.code).toBe('untrusted-link');
  });

  it('accepts a sub-domain of a listed publisher', () => {
    expect(readBenchmarkFile(file((d) => (first(d).url = 'https://www.cybermalveillance.gouv.fr/etude'))).ok).toBe(true);
  });

  const firstId = (): string => String(first(structuredClone(bundled) as unknown as { indicators: Json[] }).id);

  it.each<[string, (d: Json & { indicators: Json[] }) => void, string]>([
    ['an unknown top-level field', (d) => (d.extra = true), 'extra'],
    ['a "__proto__" key', (d) => Object.defineProperty(first(d), '__proto__', { value: { polluted: true }, enumerable: true }), 'indicators[0] (ID).__proto__'],
    ['a share above 1', (d) => {
      const share = d.indicators.find((i) => i.kind === 'share' && i.stratumOf === undefined);
      if (share) share.value = 1.5;
      d.indicators = share ? [share] : [];
    }, 'indicators[0] (ID).value'],
    ['a negative figure', (d) => (first(d).value = -0.1), 'indicators[0] (ID).value'],
    ['a missing English text', (d) => (first(d).subject = { fr: 'Sujet' }), 'indicators[0] (ID).subject.en'],
    ['an id that is not kebab-case', (d) => (first(d).id = 'Bad Id'), 'indicators[0] (Bad Id).id'],
    ['a version that is not a whole number', (d) => (d.version = 1.5), 'version'],
    ['no indicators', (d) => (d.indicators = []), 'indicators'],
    ['an answer sentence with a computed share', (d) => {
      const comparing = d.indicators.find((i) => i.comparison !== undefined);
      if (comparing) (comparing.comparison as { outOfGroup: { sentence: { fr: string } } }).outOfGroup.sentence.fr = 'Votre commune fait partie des 34 % qui en ont un';
      d.indicators = comparing ? [comparing] : [];
    }, 'indicators[0] (ID).comparison.outOfGroup.sentence.fr'],
    ['a statement with a number that was not published', (d) => {
      const noPca = d.indicators.find((i) => i.id === 'bnc-2025-c-no-pca');
      if (noPca) (noPca.statement as { fr: string }).fr = '{{value}} des collectivités répondantes, soit 34 % avec un PCA.';
      d.indicators = noPca ? [noPca] : [];
    }, 'indicators[0] (ID).statement.fr'],
    ['a comparison on a figure older than 2023', (d) => {
      const noPca = d.indicators.find((i) => i.id === 'bnc-2025-c-no-pca');
      if (noPca) noPca.year = 2016;
      d.indicators = noPca ? [noPca] : [];
    }, 'indicators[0] (ID).comparison'],
    ['a comparison on an unverified figure', (d) => {
      const noPca = d.indicators.find((i) => i.id === 'bnc-2025-c-no-pca');
      if (noPca) noPca.verification = 'NV';
      d.indicators = noPca ? [noPca] : [];
    }, 'indicators[0] (ID).comparison'],
    ['a comparison on a share of incidents', (d) => {
      const noPca = d.indicators.find((i) => i.id === 'bnc-2025-c-no-pca');
      if (noPca) noPca.counts = 'incidents';
      d.indicators = noPca ? [noPca] : [];
    }, 'indicators[0] (ID).comparison'],
    ['the same indicator id twice', (d) => d.indicators.push(first(d)), `indicators[${bundled.indicators.length}] (ID).id`],
    ['a stratum breakdown of an unknown indicator', (d) => {
      first(d).stratumOf = 'no-such-indicator';
      first(d).stratum = { maxPopulation: 999, label: { fr: 'petites', en: 'small' } };
    }, 'indicators[0] (ID).stratumOf'],
  ])('refuses %s as invalid, naming where', (_name, edit, path) => {
    const text = file(edit);
    const id = (JSON.parse(text) as { indicators: { id?: string }[] }).indicators[0]?.id ?? firstId();
    const result = readBenchmarkFile(text);
    expect(result).toEqual({ ok: false, error: { code: 'invalid', path: path.replace('ID', id) } });
  });
});

describe('which dataset a device keeps', () => {
  const installed = (version: number, source: 'bundled' | 'imported' = 'bundled', id = 'barometres-collectivites') => ({ id, version, source });
  const file = (version: number, id = 'barometres-collectivites') => ({ id, version });

  it.each([
    ['nothing stored yet', undefined, 2, true],
    ['the stored bundled version is older', installed(1), 2, true],
    ['the same version', installed(2), 2, false],
    ['an imported newer version is stored', installed(3, 'imported'), 2, false],
    ['an imported version older than the new release', installed(3, 'imported'), 4, true],
  ])('bundled dataset at app start, when %s', (_name, current, version, expected) => {
    expect(shouldInstallBundled(current, file(version))).toBe(expected);
  });

  it('installs a release that ships the dataset under a new id', () => {
    expect(shouldInstallBundled(installed(5, 'bundled', 'old-dataset'), file(1))).toBe(true);
  });

  it.each([
    ['a newer version', installed(1), file(2), { ok: true }],
    ['nothing stored yet', undefined, file(1), { ok: true }],
    ['an older version', installed(3), file(2), { ok: false, code: 'older-version' }],
    ['the same version', installed(2), file(2), { ok: false, code: 'same-version' }],
    ['another dataset', installed(1), file(9, 'opsn-dataset'), { ok: false, code: 'other-dataset' }],
    ['another dataset, nothing stored', undefined, file(9, 'opsn-dataset'), { ok: false, code: 'other-dataset' }],
    ['the furthest version trusted', installed(2), file(2 + MAX_VERSIONS_AHEAD), { ok: true }],
    ['one version further', installed(2), file(3 + MAX_VERSIONS_AHEAD), { ok: false, code: 'too-far-ahead' }],
    ['version 1000000', installed(2), file(1_000_000), { ok: false, code: 'too-far-ahead' }],
    ['version 1000000, nothing stored', undefined, file(1_000_000), { ok: false, code: 'too-far-ahead' }],
  ])('import of %s (shipped: version 2)', (_name, current, candidate, expected) => {
    expect(checkImport(current, candidate, file(2))).toEqual(expected);
  });

  it('replaces at start a stored version beyond what the release trusts (pinned by an older app)', () => {
    expect(shouldInstallBundled(installed(1_000_000, 'imported'), file(2))).toBe(true);
    expect(shouldInstallBundled(installed(2 + MAX_VERSIONS_AHEAD, 'imported'), file(2))).toBe(false);
  });
});

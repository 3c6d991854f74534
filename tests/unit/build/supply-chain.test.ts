// @vitest-environment node
/**
 * A lean supply chain: every runtime dependency is used by the app and justified in the README's table, and the
 * app's code imports nothing else (build and test tools stay devDependencies, out of what ships).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const runtime = Object.keys(pkg.dependencies).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The packages the app's code imports for real (type-only imports and Vite's virtual modules left out). */
function importedPackages(): Map<string, string[]> {
  const used = new Map<string, string[]>();
  for (const file of sourceFiles(path.join(root, 'src'))) {
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/^\s*import\s+(?!type\s)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm),
      ...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((m) => m[1] ?? '');
    for (const specifier of specifiers) {
      if (specifier.startsWith('.') || specifier.startsWith('virtual:') || specifier.startsWith('/')) continue;
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
      used.set(name, [...(used.get(name) ?? []), path.relative(root, file)]);
    }
  }
  return used;
}

/** Package names in the first column of the README's dependency table ("| react, react-dom | the UI |"). */
function readmeTable(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Dependencies'));
  const table = section.slice(0, section.indexOf('\n## ') > 0 ? section.indexOf('\n## ') : undefined);
  return table
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(package|-+)\s*\|/.test(line))
    .flatMap((line) => (line.split('|')[1] ?? '').split(','))
    .map((name) => name.replace(/`/g, '').trim())
    .filter(Boolean)
    .sort();
}

describe('the supply chain', () => {
  it('justifies every runtime dependency in the README, and only those', () => {
    expect(readmeTable()).toEqual(runtime);
  });

  it('ships only packages the app imports', () => {
    const used = importedPackages();
    expect(runtime.filter((name) => !used.has(name)), 'runtime dependencies nothing in src/ imports: make them devDependencies or remove them').toEqual([]);
  });

  it('imports no devDependency from the app code (it would ship without being declared as shipping)', () => {
    const offending = [...importedPackages()]
      .filter(([name]) => !runtime.includes(name))
      .map(([name, files]) => `${name} (${files.join(', ')})`);
    expect(offending).toEqual([]);
  });
});

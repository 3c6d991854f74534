// Lint rules, mostly about the direction of dependencies (README, "Architecture"): domain is pure, features stay apart.
import fs from 'node:fs';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';


/**
 * What each folder of src/ MAY import (deny by default): anything else under src/ is an error. A folder added to
 * src/ without a line here fails the lint, so that no folder escapes the rules. app/ puts everything together.
 */
const SHARED_FOR_UI = ['components', 'domain', 'db', 'content', 'services', 'pdf'];
const mayImport = {
  domain: ['domain'],
  content: ['content', 'domain'],
  crypto: ['crypto', 'domain'],
  db: ['db', 'domain', 'content'],
  pdf: ['pdf', 'domain', 'styles'],
  // The palette and measures (tokens.ts), read by the PDF renderer; the stylesheets beside it.
  styles: ['styles'],
  i18n: ['i18n'],
  // The report's sentences are the screen's (describe-comparison.ts, free of React).
  services: ['services', 'db', 'domain', 'content', 'crypto', 'pdf', 'components/describe-comparison.ts', 'components/format.ts'],
  components: SHARED_FOR_UI,
  features: null,
  app: null,
};
const why = {
  domain: 'src/domain is pure: it imports only src/domain (and zod).',
  content: 'src/content loads bundled data: it imports only src/domain.',
  crypto: 'src/crypto imports only src/domain.',
  db: 'src/db imports only src/domain and the data loaders of src/content: never a service or the UI.',
  pdf: 'src/pdf imports only src/domain (and the palette of src/styles): it is given its input.',
  styles: 'src/styles holds the design tokens and the shared stylesheets: it imports nothing of the app.',
  i18n: 'src/i18n imports nothing of the app.',
  services: 'Application services never import the UI (features, components, app).',
  components: 'Shared components never import a feature or the app.',
};

const folders = fs
  .readdirSync('src', { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.readdirSync(`src/${d.name}`).length > 0)
  .map((d) => d.name);
const unruled = folders.filter((name) => !(name in mayImport));
if (unruled.length > 0) throw new Error(`eslint.config.js: say what src/${unruled.join(', src/')} may import (mayImport).`);

const layerZones = Object.entries(mayImport)
  .filter(([name, allowed]) => allowed !== null && name !== 'domain')
  .map(([name, allowed]) => ({ target: `./src/${name}`, from: './src', except: allowed.map((a) => `./${a}`), message: why[name] }));
// The domain's zone covers the whole repository, not only src/: a relative path to the bundled data
// (questionnaires/) or to a test is refused too. Packages are the job of the domain's no-restricted-imports below.
const domainZone = { target: './src/domain', from: '.', except: ['./src/domain', './node_modules'], message: why.domain };

const features = fs.readdirSync('src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

const featureZones = features.map((name) => ({
  target: `./src/features/${name}`,
  from: './src',
  except: [`./features/${name}`, ...SHARED_FOR_UI.map((a) => `./${a}`)],
  message: 'A feature imports only itself and the shared layers: never another feature (move shared code to src/components or src/domain), nor the app.',
}));

export default tseslint.config(
  { ignores: ['dist', 'server/dist', 'server/mailbox-data', 'dev-dist', 'node_modules', 'coverage', 'tests/bench/artifacts', 'tests/e2e/artifacts'] },
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, import: importPlugin },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      // Dependencies are not walked for cycles (PGlite's bundle overflows the parser's stack).
      'import/ignore': ['node_modules'],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            domainZone,
            ...layerZones,
            ...featureZones,
          ],
        },
      ],
    },
  },
  {
    // What the domain may import, as an allow-list: a relative path (kept inside src/domain by its zone above) or
    // zod. Any other package is refused, including one added to package.json later; so is import(), which would
    // load a module (or bundled data) the domain should be given instead.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^(?!(zod(/.*)?|\\.{1,2}/.*)$)', message: why.domain }] }],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'src/domain loads nothing: it is given its input.' }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'fetch'],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'tests/bench/**/*', '*.config.ts'],
    rules: { 'import/no-restricted-paths': 'off' },
  },
);

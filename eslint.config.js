// Lint rules, mostly about the direction of dependencies (see STYLE.md): domain is pure, features stay apart.
import fs from 'node:fs';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importPlugin from 'eslint-plugin-import';

const features = fs.readdirSync('src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

const featureZones = features.map((name) => ({
  target: `./src/features/${name}`,
  from: './src/features',
  except: [`./${name}`],
  message: 'A feature never imports another feature: move shared code to src/components or src/domain.',
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
            {
              target: './src/domain',
              from: ['./src/app', './src/features', './src/components', './src/services', './src/db', './src/pdf', './src/crypto', './src/content', './src/i18n'],
              message: 'src/domain is pure: it imports only src/domain (and zod).',
            },
            {
              target: ['./src/db', './src/crypto', './src/pdf', './src/content'],
              from: ['./src/app', './src/features', './src/components', './src/services'],
              message: 'Lower layers never import the UI or the application services.',
            },
            {
              target: './src/services',
              from: ['./src/app', './src/features'],
              message: 'Application services never import a feature or the app.',
            },
            {
              target: './src/components',
              from: ['./src/app', './src/features'],
              message: 'Shared components never import a feature or the app.',
            },
            ...featureZones,
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-*', 'dexie', 'dexie-*', 'jspdf', 'jspdf-*', 'i18next', 'zustand'], message: 'src/domain is pure TypeScript.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'fetch'],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'tests/bench/**/*', '*.config.ts'],
    rules: { 'import/no-restricted-paths': 'off' },
  },
);

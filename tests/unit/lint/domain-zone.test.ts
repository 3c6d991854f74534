// @vitest-environment node
/**
 * The lint zones, tested: a snippet linted as a file of src/domain with the project's own ESLint configuration.
 * The domain may import relative paths inside src/domain, and zod; anything else (a package, a browser API's
 * wrapper, a feature, the database, the bundled data) must be refused, including a package nobody thought to list.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfigFile: 'eslint.config.js' });
/** The rules that draw the boundaries (a refusal by any other rule would not show that the zone holds). */
const BOUNDARY_RULES = ['import/no-restricted-paths', 'no-restricted-imports', 'no-restricted-syntax'];

/** The rules that refused the snippet, linted as if it were the file at filePath. */
async function refusals(code: string, filePath = 'src/domain/zone-probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error('ESLint returned no result');
  const fatal = result.messages.filter((message) => message.fatal);
  if (fatal.length > 0) throw new Error(fatal.map((message) => message.message).join('\n'));
  return result.messages.map((message) => message.ruleId ?? '');
}

describe('the lint zone of src/domain', { timeout: 20_000 }, () => {
  it.each([
    ['a UI package', "import { useState } from 'react';\nexport const probe = useState;\n"],
    ['a package on no list', "import { zxcvbn } from '@zxcvbn-ts/core';\nexport const probe = zxcvbn;\n"],
    ['a Node module', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n"],
    ['a package re-exported', "export { create } from 'zustand';\n"],
    ['a package loaded later', "export const probe = () => import('jspdf');\n"],
    ['a feature', "import { ResultsPage } from '../features/results/results-page';\nexport const probe = ResultsPage;\n"],
    ['the database', "import { db } from '../db/database';\nexport const probe = db;\n"],
    ['the bundled data', "import manifest from '../../questionnaires/manifest.json';\nexport const probe = manifest;\n"],
  ])('refuses %s', async (_what, code) => {
    expect(await refusals(code)).toEqual(expect.arrayContaining([expect.toBeOneOf(BOUNDARY_RULES)]));
  });

  it.each([
    ['zod', "import { z } from 'zod';\nexport const probe = z.string();\n", 'src/domain/zone-probe.ts'],
    ['a path of zod', "import { z } from 'zod/v4';\nexport const probe = z.string();\n", 'src/domain/zone-probe.ts'],
    [
      'the domain, from its root',
      "import { computeResults } from './scoring/compute-results';\nexport const probe = computeResults;\n",
      'src/domain/zone-probe.ts',
    ],
    [
      'the domain, from a folder of it',
      "import type { Questionnaire } from '../questionnaire/schema';\nexport type Probe = Questionnaire;\n",
      'src/domain/scoring/zone-probe.ts',
    ],
  ])('allows %s', async (_what, code, filePath) => {
    expect(await refusals(code, filePath)).toEqual([]);
  });
});

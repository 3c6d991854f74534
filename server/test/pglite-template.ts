/**
 * One PGlite database, made and migrated once for the whole run (its initdb, in WebAssembly, is the slowest step of
 * the suite on a loaded machine); each test file that asks for PGlite gets a copy of its folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/database';
import { migrate } from '../src/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cyberdiag-pglite-template-'));
  const database = await openDatabase({ databaseUrl: null, dataDir });
  await migrate(database.connectionString);
  await database.close();
  project.provide('pgliteTemplate', dataDir);
  return () => rmSync(dataDir, { recursive: true, force: true });
}

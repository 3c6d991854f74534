/** Vitest set-up: an in-memory IndexedDB per test file (no other file hears its writes), DOM matchers, and a clean database between tests. */
import 'fake-indexeddb/auto';
import './scope-broadcast-channel';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { db } from '../src/db/database';

afterEach(async () => {
  cleanup();
  await Promise.all(db.tables.map((table) => table.clear()));
});

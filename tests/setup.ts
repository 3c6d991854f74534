/** Vitest set-up: an in-memory IndexedDB per test file (no other file hears its writes), DOM matchers, and a clean database between tests. */
import 'fake-indexeddb/auto';
import './scope-broadcast-channel';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { db } from '../src/db/database';

// jsdom has no modal <dialog>: it opens and closes as in a browser, without making the page inert (the browser
// tests run the real one).
if (typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// A page reached through a lazy route waits for its module: on two cores shared by two test workers that wait can pass
// a second, the default. A longer wait changes no verdict: a missing element still fails, later.
configure({ asyncUtilTimeout: 5_000 });

afterEach(async () => {
  cleanup();
  await Promise.all(db.tables.map((table) => table.clear()));
});

// Schema guards: a newer database refused without touching it even where indexedDB.databases() is missing, and a
// tab whose database another tab upgrades closed for good, saying so, writing nothing.
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CyberdiagDatabase } from '../../../src/db/database';
import { getDatabaseStatus } from '../../../src/db/database-status';
import { openDatabase } from '../../../src/db/open-database';

const NAME = 'cyberdiag-open-test';

afterEach(async () => {
  vi.unstubAllGlobals();
  await Dexie.delete(NAME);
});

describe('openDatabase', () => {
  it('refuses a newer database untouched where indexedDB.databases() does not exist (Firefox ESR 115)', async () => {
    const newer = new Dexie(NAME);
    newer.version(99).stores({ communes: 'id', audits: 'id', settings: 'key', future: 'id' });
    await newer.open();
    await newer.table('future').add({ id: 'kept' });
    newer.close();

    const withoutList = Object.create(indexedDB) as IDBFactory;
    Object.defineProperty(withoutList, 'databases', { value: undefined });
    Object.defineProperty(withoutList, 'open', { value: indexedDB.open.bind(indexedDB) });
    vi.stubGlobal('indexedDB', withoutList);
    expect(await openDatabase(new CyberdiagDatabase(NAME))).toEqual({ ok: false, reason: 'newer-version' });
    vi.unstubAllGlobals();

    const again = new Dexie(NAME);
    await again.open();
    // Not even touched: still the newer app's version, with only its own tables and indexes.
    expect(again.verno).toBe(99);
    expect(again.tables.map((table) => table.name).sort()).toEqual(['audits', 'communes', 'future', 'settings']);
    expect(again.table('communes').schema.indexes).toEqual([]);
    expect(await again.table('future').get('kept')).toEqual({ id: 'kept' });
    again.close();
  });

  it('creates no database while looking for one', async () => {
    const database = new CyberdiagDatabase(NAME);
    expect(await openDatabase(database)).toEqual({ ok: true });
    expect((await indexedDB.databases()).filter((info) => info.name === NAME)).toHaveLength(1);
    database.close();
  });

  it('lets a newer app in another tab upgrade: this tab closes for good, says so and writes nothing more', async () => {
    const current = new CyberdiagDatabase(NAME);
    expect(await openDatabase(current)).toEqual({ ok: true });
    await current.settings.put({ key: 'before', value: 1 });
    expect(getDatabaseStatus()).toBe('open');

    // The other tab: the next version of the app, with a table of its own. Its upgrade is not blocked.
    const next = new Dexie(NAME);
    next.version(current.verno + 1).stores({ settings: 'key', nextTable: 'id' });
    await next.open();
    expect(getDatabaseStatus()).toBe('outdated');

    // The old tab's next write fails instead of reopening the database at the new version.
    await expect(current.settings.put({ key: 'after', value: 2 })).rejects.toThrow();
    expect(current.isOpen()).toBe(false);
    expect(next.verno).toBe(current.verno + 1);
    expect(await next.table('settings').toArray()).toEqual([{ key: 'before', value: 1 }]);
    next.close();
  });
});

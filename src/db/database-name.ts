/** The IndexedDB database's name, apart from Dexie: the entry script checks whether it exists without loading it. */
export const DATABASE_NAME = 'cyberdiag';

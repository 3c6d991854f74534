/**
 * Test set-up, imported before Dexie: BroadcastChannel reaches only the channels of the same test file.
 *
 * Dexie tells other tabs about every write through a BroadcastChannel, and Node's BroadcastChannel reaches every
 * worker thread of the process, so Vitest's test files (two at a time, each with its own fake IndexedDB under the
 * same name) heard each other's writes: another file's seeding and clearing re-ran this file's live queries and
 * emptied its query cache. A page reading thousands of records (the export list) then started its query again on
 * each foreign write, never showed its result, and piled up read transactions that held back the clean-up's writes.
 */
const NodeBroadcastChannel = globalThis.BroadcastChannel;
const fileScope = crypto.randomUUID();

class FileBroadcastChannel extends NodeBroadcastChannel {
  constructor(name: string) {
    super(`${fileScope}/${name}`);
  }
}

globalThis.BroadcastChannel = FileBroadcastChannel;

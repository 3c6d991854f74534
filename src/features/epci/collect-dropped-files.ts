/**
 * The files of a drop: files dropped one by one, or whole folders walked recursively (the chargé de mission
 * drops the folder where the communes' e-mail attachments were saved). Uses the File and Directory Entries
 * API (webkitGetAsEntry), which every current browser has; without it, the dropped files alone are taken.
 */

/** A folder holding more than this is refused by the walk rather than freezing the page. */
const MAX_FILES = 100_000;

function readAllEntries(directory: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = directory.createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries hands out entries in batches (100 in Chromium) until it returns an empty one.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(entries);
        else {
          entries.push(...batch);
          if (entries.length > MAX_FILES) reject(new Error('too many files'));
          else next();
        }
      }, reject);
    next();
  });
}

const fileOf = (entry: FileSystemFileEntry) => new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function walk(entry: FileSystemEntry, into: File[]): Promise<void> {
  if (into.length > MAX_FILES) throw new Error('too many files');
  if (entry.isFile) {
    into.push(await fileOf(entry as FileSystemFileEntry));
    return;
  }
  if (entry.isDirectory) {
    for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await walk(child, into);
  }
}

/** Files whose name says they are not export files (the system's own, hidden ones) are left out. */
const isCandidate = (file: File) => !file.name.startsWith('.') && file.name !== 'Thumbs.db' && file.name !== 'desktop.ini';

export async function collectDroppedFiles(data: DataTransfer): Promise<File[]> {
  const items = [...data.items].filter((item) => item.kind === 'file');
  // Entries must be taken synchronously, during the drop event: the DataTransfer is emptied afterwards.
  const entries = items.map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null));
  if (entries.length === 0 || entries.some((e) => e === null)) return [...data.files].filter(isCandidate);
  const files: File[] = [];
  for (const entry of entries) if (entry) await walk(entry, files);
  return files.filter(isCandidate);
}

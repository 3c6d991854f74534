import { describe, expect, it } from 'vitest';
import { collectDroppedFiles } from '../../../src/features/epci/collect-dropped-files';

/** Just enough of the File and Directory Entries API: a folder hands its entries out in batches, as Chromium does. */
function fileEntry(file: File) {
  return { isFile: true, isDirectory: false, name: file.name, file: (resolve: (f: File) => void) => resolve(file) };
}

function directoryEntry(name: string, children: unknown[], batch = 2) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (resolve: (entries: unknown[]) => void) => {
          const next = children.slice(at, at + batch);
          at += batch;
          resolve(next);
        },
      };
    },
  };
}

const file = (name: string) => new File(['{}'], name, { type: 'application/json' });

function dataTransfer(entries: unknown[], files: File[] = []): DataTransfer {
  const items = entries.map((entry) => ({ kind: 'file', webkitGetAsEntry: () => entry }));
  return { items, files } as unknown as DataTransfer;
}

describe('collectDroppedFiles', () => {
  it('walks dropped folders, sub-folders included, through every batch of entries', async () => {
    const drop = dataTransfer([
      directoryEntry('audits', [
        fileEntry(file('a.cyberdiag.json')),
        fileEntry(file('b.cyberdiag.json')),
        fileEntry(file('.DS_Store')),
        directoryEntry('2026', [fileEntry(file('c.cyberdiag.json')), fileEntry(file('notes.pdf'))]),
        fileEntry(file('d.cyberdiag.json')),
      ]),
      fileEntry(file('e.cyberdiag.json')),
    ]);
    const names = (await collectDroppedFiles(drop)).map((f) => f.name);
    // Hidden system files are left out; other files are kept (the panel keeps the .json ones and counts the rest).
    expect(names).toEqual(['a.cyberdiag.json', 'b.cyberdiag.json', 'c.cyberdiag.json', 'notes.pdf', 'd.cyberdiag.json', 'e.cyberdiag.json']);
  });

  it('takes the dropped files as they are when the browser gives no entries', async () => {
    const files = [file('a.cyberdiag.json'), file('Thumbs.db')];
    const drop = { items: files.map(() => ({ kind: 'file' })), files } as unknown as DataTransfer;
    expect((await collectDroppedFiles(drop)).map((f) => f.name)).toEqual(['a.cyberdiag.json']);
  });
});

/** Test helpers: catch the files the app hands to the browser's download, and fake navigator.storage. */
import { onTestFinished, vi } from 'vitest';

export interface Download {
  fileName: string;
  blob: Blob;
}

/** Every download started during the test, in order (jsdom has no createObjectURL and no real downloads). Call inside a test. */
export function catchDownloads(): Download[] {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  const original = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test/${blobs.size}`;
    if (blob instanceof Blob) blobs.set(url, blob);
    return url;
  };
  const revoke = URL.revokeObjectURL;
  URL.revokeObjectURL = () => undefined;
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) downloads.push({ fileName: this.download, blob });
  });
  onTestFinished(() => {
    URL.createObjectURL = original;
    URL.revokeObjectURL = revoke;
    click.mockRestore();
  });
  return downloads;
}

export function asFile({ fileName, blob }: Download): File {
  return new File([blob], fileName, { type: 'application/json' });
}

/** navigator.storage as a browser that grants (or refuses) persistence, for the current test. */
export function fakeStorage({ persist }: { persist: boolean }) {
  const storage = {
    persisted: vi.fn(async () => false),
    persist: vi.fn(async () => persist),
    estimate: vi.fn(async () => ({ usage: 3 * 1024 * 1024, quota: 2 * 1024 * 1024 * 1024 })),
  };
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
  onTestFinished(() => {
    Reflect.deleteProperty(navigator, 'storage');
  });
  return storage;
}

/** The one download of the test. */
export function only(downloads: readonly Download[]): Download {
  const [download, ...others] = downloads;
  if (!download || others.length > 0) throw new Error(`expected one download, got ${downloads.length}`);
  return download;
}

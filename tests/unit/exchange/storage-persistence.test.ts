import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordedPersistence, requestPersistenceOnce, requestPersistentStorage, storageUsage } from '../../../src/services/storage/storage-persistence';

function fakeStorage(storage: Partial<StorageManager>) {
  Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'storage');
});

describe('persistent storage', () => {
  it.each([
    ['already persisted', { persisted: async () => true, persist: async () => false }, 'persisted'],
    ['granted', { persisted: async () => false, persist: async () => true }, 'persisted'],
    ['refused', { persisted: async () => false, persist: async () => false }, 'refused'],
    ['throwing', { persisted: async () => false, persist: () => Promise.reject(new Error('no')) }, 'refused'],
    ['absent', undefined, 'unsupported'],
  ])('%s → %s', async (_, storage, expected) => {
    if (storage) fakeStorage(storage);
    expect(await requestPersistentStorage()).toBe(expected);
  });

  it('is asked once after the first audit, and the answer is kept', async () => {
    const persist = vi.fn(async () => false);
    fakeStorage({ persisted: async () => false, persist });
    await requestPersistenceOnce();
    await requestPersistenceOnce();
    expect(persist).toHaveBeenCalledTimes(1);
    expect(await recordedPersistence()).toBe('refused');
  });

  it('reports the space used when the browser can tell', async () => {
    fakeStorage({ estimate: async () => ({ usage: 10, quota: 100 }) });
    expect(await storageUsage()).toEqual({ usage: 10, quota: 100 });
    Reflect.deleteProperty(navigator, 'storage');
    expect(await storageUsage()).toBeNull();
  });
});

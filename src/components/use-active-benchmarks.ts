/** The benchmark dataset in use, read live from IndexedDB; installs the shipped one if the device has none yet. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { ensureBundledDataset, getActiveBenchmarks, type ActiveBenchmarks } from '../db/benchmarks-repository';

/** null while loading, undefined when no dataset could be installed. */
export function useActiveBenchmarks(): ActiveBenchmarks | undefined | null {
  const active = useLiveQuery(async () => (await getActiveBenchmarks()) ?? false, [], null);
  useEffect(() => {
    // The app start normally did this; doing it here too covers a start-up write that failed or is still running.
    if (active === false) void ensureBundledDataset().catch(() => undefined);
  }, [active]);
  return active === false ? undefined : active;
}

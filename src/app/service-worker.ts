/**
 * The service worker: registered once the first page is shown (workbox-window, loaded then; on a first visit, by
 * the entry script before the app starts: src/main.tsx), checked for a new version every hour and whenever the app
 * comes back to the screen. A new version waits until the user chooses to reload (src/app/update-prompt.tsx);
 * before that reload, what is being typed is kept and pending writes finish.
 */
import { create } from 'zustand';
import { db } from '../db/database';
import { saveTypedFields } from './keep-typed-fields';

const CHECK_EVERY_MS = 60 * 60 * 1000;

interface UpdateState {
  /** A new version is installed and waits for the user. */
  ready: boolean;
  /** The user chose "later" for this page. */
  dismissed: boolean;
  reload: (() => Promise<void>) | undefined;
}

export const useUpdateState = create<UpdateState>(() => ({ ready: false, dismissed: false, reload: undefined }));

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  void import('virtual:pwa-register').then(({ registerSW }) => {
    let asked = false;
    const updateSW = registerSW({
      immediate: true,
      onNeedRefresh() {
        useUpdateState.setState({
          ready: true,
          dismissed: false,
          reload: () => {
            asked = true;
            return updateSW(true);
          },
        });
      },
      // The new version took over because this tab asked, or because another tab did: only the first reloads now.
      onNeedReload() {
        if (asked) window.location.reload();
        else useUpdateState.setState({ ready: true, dismissed: false, reload: async () => window.location.reload() });
      },
      onRegisteredSW(_url, registration) {
        if (!registration) return;
        const check = () => {
          if (navigator.onLine) void registration.update().catch(() => undefined);
        };
        window.setInterval(check, CHECK_EVERY_MS);
        document.addEventListener('visibilitychange', () => {
          if (document.visibilityState === 'visible') check();
        });
      },
    });
  });
}

/** Reloads into the new version, once nothing typed can be lost. */
export async function reloadToNewVersion(): Promise<void> {
  const { reload } = useUpdateState.getState();
  if (!reload) return;
  // A field being edited may save on blur; then every write already asked for is let finish (a read over every
  // table waits for the writes queued before it).
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  await db.transaction('r', db.tables, () => undefined).catch(() => undefined);
  saveTypedFields();
  await reload();
}

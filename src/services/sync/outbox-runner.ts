/**
 * Sends the outbox while the app is open: now, whenever the browser comes back online, and at the earliest retry
 * time of what failed. Started by the app only when the outbox holds something (the sync code loads only then).
 */
import { sendPending } from './outbox';

let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | null = null;
let started = false;

/**
 * One round now (unless one is under way), then the next at the earliest retry time of anything still pending (a
 * round that tried nothing must not drop the retry an earlier one planned). `all`: the network is back, try every
 * pending audit without waiting out its back-off.
 */
export function flushOutbox({ all = false }: { all?: boolean } = {}): Promise<void> {
  running ??= sendPending(undefined, { all })
    .then((report) => {
      clearTimeout(timer);
      if (report.nextRetryAt !== null) timer = setTimeout(() => void flushOutbox(), Math.max(Date.parse(report.nextRetryAt) - Date.now(), 1_000));
    })
    .catch(() => undefined)
    .finally(() => {
      running = null;
    });
  return running;
}

/** Listens for the network coming back (once) and sends now. */
export function startOutboxRunner(): void {
  if (!started) {
    started = true;
    window.addEventListener('online', () => void flushOutbox({ all: true }));
  }
  void flushOutbox();
}

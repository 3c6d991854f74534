/** The state of an action behind a confirmation dialog (a deletion, a withdrawal): open, busy while it runs, failed if it did not go through. */
import { useState } from 'react';

/** `run` deletes; `afterClose` runs once the dialog is told to close (e.g. to move the focus). */
export function useConfirmedDelete(run: () => Promise<void>, afterClose?: () => void) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const confirm = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await run();
      setOpen(false);
      afterClose?.();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return {
    open,
    busy,
    failed,
    ask: () => setOpen(true),
    confirm: () => void confirm(),
    cancel: () => {
      setOpen(false);
      setFailed(false);
    },
  };
}

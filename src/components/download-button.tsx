/**
 * The one way to make a file on the device and hand it to the browser's download: a button, then "busy", "done" or
 * "error" said in a status line (a second click while busy does nothing). Nothing leaves the device.
 */
import { useState } from 'react';
import { saveFile } from './save-file';

export type DownloadState = 'idle' | 'busy' | 'done' | 'error';

export interface MadeFile {
  blob: Blob;
  fileName: string;
}

/** The state of a download and what starts it; `make` builds the file (loading code on demand if it must). */
export function useDownload(make: () => Promise<MadeFile>): { state: DownloadState; start: () => Promise<void> } {
  const [state, setState] = useState<DownloadState>('idle');
  const start = async () => {
    if (state === 'busy') return;
    setState('busy');
    try {
      const { blob, fileName } = await make();
      saveFile(blob, fileName);
      setState('done');
    } catch {
      setState('error');
    }
  };
  return { state, start };
}

export interface DownloadButtonProps {
  make: () => Promise<MadeFile>;
  label: string;
  texts: { busy: string; done: string; error: string };
  hint?: string;
  primary?: boolean;
  /** The wrapper's and the status line's classes, for where the button sits. */
  className: string;
  statusClassName: string;
}

export function DownloadButton({ make, label, texts, hint, primary = false, className, statusClassName }: DownloadButtonProps) {
  const { state, start } = useDownload(make);
  return (
    <div className={className}>
      <button type="button" className={`button${primary ? ' button--primary' : ''}`} onClick={() => void start()} aria-disabled={state === 'busy' || undefined}>
        {label}
      </button>
      {hint && <p className="field__hint">{hint}</p>}
      <p className={statusClassName} role="status">
        {state === 'busy' ? texts.busy : state === 'done' ? texts.done : ''}
      </p>
      {state === 'error' && (
        <p className="alert alert--error" role="alert">
          {texts.error}
        </p>
      )}
    </div>
  );
}

/**
 * The one way to make files on the device and hand them to the browser's download: a hook for the idle, busy, done
 * and error states (a second start while busy does nothing), and a button that says them in a status line. Pages
 * that ask something first (a passphrase) or explain a refusal in their own words use the hook alone. Nothing
 * leaves the device.
 */
import { useRef, useState } from 'react';
import { saveFile } from './save-file';

export interface MadeFile {
  blob: Blob;
  fileName: string;
}

/** What a maker gives: the file, or the files to hand over in order, or why none is (nothing is downloaded). */
export type Made<Refusal> = MadeFile | readonly MadeFile[] | { refused: Refusal };

export type DownloadState<Refusal = never> =
  | { status: 'idle' }
  | { status: 'busy' }
  | { status: 'done'; fileNames: readonly string[] }
  /** Without a refusal, the maker failed unexpectedly. */
  | { status: 'error'; refusal?: Refusal };

/** Pause between two downloads of several files: browsers drop or merge downloads started in the same instant. */
const DOWNLOAD_PAUSE_MS = 250;

const IDLE = { status: 'idle' } as const;

/**
 * The state of a download and what starts it; `make` builds the files (loading code on demand if it must). `start`
 * resolves to the state it ends in; `reset` forgets a past outcome (not while busy).
 */
export function useDownload<Refusal = never>(make: () => Promise<Made<Refusal>>) {
  const [state, setState] = useState<DownloadState<Refusal>>(IDLE);
  // A ref, not the state: a handler from an earlier render must see a download already under way.
  const busy = useRef(false);

  const start = async (): Promise<DownloadState<Refusal>> => {
    if (busy.current) return { status: 'busy' };
    busy.current = true;
    setState({ status: 'busy' });
    let end: DownloadState<Refusal>;
    try {
      const made = await make();
      if ('refused' in made) {
        end = { status: 'error', refusal: made.refused };
      } else {
        const files = 'blob' in made ? [made] : made;
        for (const [index, { blob, fileName }] of files.entries()) {
          if (index > 0) await new Promise((resolve) => window.setTimeout(resolve, DOWNLOAD_PAUSE_MS));
          saveFile(blob, fileName);
        }
        end = { status: 'done', fileNames: files.map((file) => file.fileName) };
      }
    } catch {
      end = { status: 'error' };
    }
    busy.current = false;
    setState(end);
    return end;
  };

  const reset = () => {
    if (!busy.current) setState(IDLE);
  };

  return { state, start, reset };
}

export interface DownloadButtonProps {
  make: () => Promise<MadeFile>;
  label: string;
  /** Without `busy`, the status line stays empty while the file is made (a file made at once). */
  texts: { busy?: string; done: string; error: string };
  hint?: string;
  primary?: boolean;
  /** Nothing to download (an empty table, say). */
  disabled?: boolean;
  /** The wrapper's and the status line's classes, for where the button sits. */
  className: string;
  statusClassName: string;
}

export function DownloadButton({ make, label, texts, hint, primary = false, disabled = false, className, statusClassName }: DownloadButtonProps) {
  const { state, start } = useDownload(make);
  const { status } = state;
  return (
    <div className={className}>
      <button
        type="button"
        className={`button${primary ? ' button--primary' : ''}`}
        onClick={() => void start()}
        disabled={disabled}
        aria-disabled={status === 'busy' || undefined}
      >
        {label}
      </button>
      {hint && <p className="field__hint">{hint}</p>}
      <p className={statusClassName} role="status">
        {status === 'busy' ? (texts.busy ?? '') : status === 'done' ? texts.done : ''}
      </p>
      {status === 'error' && (
        <p className="alert alert--error" role="alert">
          {texts.error}
        </p>
      )}
    </div>
  );
}

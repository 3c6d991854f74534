/**
 * The one download state machine (useDownload, DownloadButton) behind the PDF, CSV, spreadsheet, export and backup
 * buttons: what the user hears in the status line, what reaches the browser's download, what a second click does.
 */
import { render, screen } from '@testing-library/react';
import { setupUser } from '../../user';
import { describe, expect, it } from 'vitest';
import { DownloadButton, useDownload, type Made, type MadeFile } from '../../../src/components/download-button';
import { catchDownloads } from '../backup/downloads';

const texts = { busy: 'Préparation…', done: 'Téléchargé.', error: 'Échec.' };

function file(fileName: string): MadeFile {
  return { blob: new Blob([fileName], { type: 'text/plain' }), fileName };
}

/** A maker the test finishes by hand, to look at the page while the file is being made. */
function heldMaker<T>() {
  const calls: { resolve: (made: T) => void; reject: (error: Error) => void }[] = [];
  const make = () => new Promise<T>((resolve, reject) => calls.push({ resolve, reject }));
  return { make, calls };
}

describe('download button', () => {
  it('says it is busy, hands the file over once made, says it is done, and ignores a second click meanwhile', async () => {
    const downloads = catchDownloads();
    const { make, calls } = heldMaker<MadeFile>();
    const user = setupUser();
    render(<DownloadButton make={make} label="Télécharger" texts={texts} className="x" statusClassName="y" />);
    const button = screen.getByRole('button', { name: 'Télécharger' });
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);

    await user.click(button);
    expect(screen.getByRole('status')).toHaveTextContent('Préparation…');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(calls).toHaveLength(1);
    expect(downloads).toHaveLength(0);

    calls[0]?.resolve(file('rapport.pdf'));
    expect(await screen.findByText('Téléchargé.')).toBeInTheDocument();
    expect(downloads.map((d) => d.fileName)).toEqual(['rapport.pdf']);
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says the file could not be made, downloads nothing, and succeeds when tried again', async () => {
    const downloads = catchDownloads();
    const { make, calls } = heldMaker<MadeFile>();
    const user = setupUser();
    render(<DownloadButton make={make} label="Télécharger" texts={texts} className="x" statusClassName="y" />);
    await user.click(screen.getByRole('button', { name: 'Télécharger' }));
    calls[0]?.reject(new Error('no memory left'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Échec.');
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    expect(downloads).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Télécharger' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    calls[1]?.resolve(file('tableau.csv'));
    expect(await screen.findByText('Téléchargé.')).toBeInTheDocument();
    expect(downloads.map((d) => d.fileName)).toEqual(['tableau.csv']);
  });

  it('stays silent while a file made at once is made, and cannot be pressed with nothing to download', async () => {
    const { make } = heldMaker<MadeFile>();
    const user = setupUser();
    const { rerender } = render(
      <DownloadButton make={make} label="CSV" texts={{ done: 'Fait.', error: 'Échec.' }} disabled className="x" statusClassName="y" />,
    );
    expect(screen.getByRole('button', { name: 'CSV' })).toBeDisabled();
    rerender(<DownloadButton make={make} label="CSV" texts={{ done: 'Fait.', error: 'Échec.' }} className="x" statusClassName="y" />);
    await user.click(screen.getByRole('button', { name: 'CSV' }));
    expect(screen.getByRole('button', { name: 'CSV' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
  });
});

/** A page that explains the outcome in its own words, as the export and backup pages do. */
function ExportLike({ make }: { make: () => Promise<Made<'too-large'>> }) {
  const { state, start, reset } = useDownload(make);
  return (
    <>
      <button type="button" onClick={() => void start()}>
        Exporter
      </button>
      <button type="button" onClick={reset}>
        Recommencer
      </button>
      <p role="status">
        {state.status === 'done' ? `Fichiers : ${state.fileNames.join(', ')}` : state.status === 'error' ? `Refus : ${state.refusal ?? 'inattendu'}` : state.status}
      </p>
    </>
  );
}

describe('download hook', () => {
  it('hands several files over in order and names them all', async () => {
    const downloads = catchDownloads();
    const user = setupUser();
    render(<ExportLike make={async () => [file('partie-1.json'), file('partie-2.json'), file('partie-3.json')]} />);
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    expect(await screen.findByText('Fichiers : partie-1.json, partie-2.json, partie-3.json')).toBeInTheDocument();
    expect(downloads.map((d) => d.fileName)).toEqual(['partie-1.json', 'partie-2.json', 'partie-3.json']);
  });

  it('downloads nothing when the maker refuses, says why, and forgets it on reset', async () => {
    const downloads = catchDownloads();
    const user = setupUser();
    render(<ExportLike make={async () => ({ refused: 'too-large' })} />);
    await user.click(screen.getByRole('button', { name: 'Exporter' }));
    expect(await screen.findByText('Refus : too-large')).toBeInTheDocument();
    expect(downloads).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Recommencer' }));
    expect(screen.getByRole('status')).toHaveTextContent('idle');
  });
});

// The EPCI view starts its import's two workers while it waits for files, and gives them back when it closes: no
// worker is left running (and holding memory) after the user leaves the view.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../../render';

class FakeWorker {
  static started: FakeWorker[] = [];
  readonly messages: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  constructor(readonly url: URL | string) {
    FakeWorker.started.push(this);
  }
  postMessage(message: unknown) {
    this.messages.push(message);
  }
  terminate() {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeWorker.started = [];
});

describe('the EPCI import workers', () => {
  it('are started ready while the view is open, and stopped when the user leaves it', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    const { unmount } = await renderApp('/epci/toutes');
    expect(await screen.findByLabelText('Choisir des fichiers', {}, { timeout: 15_000 })).toBeInTheDocument();
    // The workers start in an effect that runs after the field is shown, not with it.
    await waitFor(() => expect(FakeWorker.started).toHaveLength(2));
    expect(FakeWorker.started.map((worker) => worker.messages)).toEqual([[{ type: 'prepare' }], [{ type: 'prepare' }]]);
    expect(FakeWorker.started.some((worker) => worker.terminated)).toBe(false);
    unmount();
    expect(FakeWorker.started.map((worker) => worker.terminated)).toEqual([true, true]);
  });
});

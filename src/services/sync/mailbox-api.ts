/**
 * The mailbox server's HTTP API as the app calls it. Every failure becomes a MailboxError with a code the UI
 * words (sync.errors.<code>): the server's own codes, 'offline' when it could not be reached, 'unexpected' else.
 */
import { PullFrameReader, type PullFrame } from '../../domain/mailbox/pull-frames';

export class MailboxError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(code);
    this.name = 'MailboxError';
  }

  /** Worth trying again later: no network, server or database unavailable, too many requests. */
  get transient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

export interface RecipientKey {
  siren: string;
  name: string;
  publicKey: string | null;
  keyId: string | null;
}

interface CallOptions {
  method?: string;
  token?: string;
  json?: unknown;
  bytes?: Uint8Array<ArrayBuffer>;
  accept?: string;
}

/** The server's address as the user typed it, without a trailing slash; null when it is not an http(s) URL. */
export function normaliseServerUrl(typed: string): string | null {
  try {
    const url = new URL(typed.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    return url.href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

export async function callMailbox(serverUrl: string, path: string, { method = 'GET', token, json, bytes, accept }: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (accept !== undefined) headers.accept = accept;
  if (json !== undefined) headers['content-type'] = 'application/json';
  if (bytes !== undefined) headers['content-type'] = 'application/octet-stream';
  let response: Response;
  try {
    response = await fetch(`${serverUrl}${path}`, { method, headers, body: json !== undefined ? JSON.stringify(json) : bytes, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new MailboxError('offline', 0);
  }
  if (!response.ok) {
    let code = 'unexpected';
    try {
      const body: unknown = await response.json();
      if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') code = body.error;
    } catch {
      // A proxy's HTML error page: the status says enough.
    }
    throw new MailboxError(code, response.status);
  }
  return response;
}

export async function callMailboxJson<T>(serverUrl: string, path: string, options: CallOptions = {}): Promise<T> {
  return (await (await callMailbox(serverUrl, path, options)).json()) as T;
}

/** The frames of a pull (src/domain/mailbox/pull-frames.ts) as they arrive; a broken stream is a pull cut short. */
export async function* readPullFrames(response: Response): AsyncGenerator<PullFrame> {
  if (response.body === null) return;
  const reader = response.body.getReader();
  const frames = new PullFrameReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    try {
      yield* frames.read(value);
    } catch (error) {
      if (error instanceof RangeError) throw new MailboxError('incomplete-pull', response.status);
      throw error;
    }
  }
}

/**
 * The lines of a streamed answer (one JSON object a line) as they arrive, without holding the whole answer: a pull
 * of 35,000 envelopes is about 200 MB of text.
 */
export async function* readLines(response: Response): AsyncGenerator<string> {
  if (response.body === null) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let pending = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += value;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line !== '') yield line;
      newline = pending.indexOf('\n');
    }
  }
  if (pending.trim() !== '') yield pending;
}

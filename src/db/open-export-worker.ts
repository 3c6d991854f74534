/**
 * A worker that opens export files through the one import door (openExportFile: size cap, parse, strict schema,
 * upgrade, checks), so that the EPCI's bulk import reads and checks the next file on the second core while the
 * page writes the previous one. It writes nothing; it answers each file with the door's result.
 */
import { config } from 'zod/v4/core';
import { openExportFile } from './import-files';

declare const self: DedicatedWorkerGlobalScope;

// As in the page (src/app/parse-without-eval.ts): no code compiled with new Function(), whatever the CSP.
config({ jitless: true });

export interface OpenRequest {
  id: number;
  file: Blob;
  passphrase: string | undefined;
}

self.onmessage = async (event: MessageEvent<OpenRequest>) => {
  const { id, file, passphrase } = event.data;
  self.postMessage({ id, result: await openExportFile(file, { passphrase }) });
};

/** Starts `vite preview` on the built app; tests that cut the network start their own and close it. */
import { preview } from 'vite';

export interface PreviewServer {
  url: string;
  close: () => Promise<void>;
}

export async function startPreview(port = 0): Promise<PreviewServer> {
  const server = await preview({
    configFile: 'vite.config.ts',
    preview: { host: '127.0.0.1', port, strictPort: port !== 0, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return {
    url: url.replace(/\/$/, ''),
    close: () =>
      new Promise<void>((resolve) => {
        const http = server.httpServer;
        if ('closeAllConnections' in http) http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

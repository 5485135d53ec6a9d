import type { Server } from 'node:http';
import { createDraftServer, listen, type DraftServerOptions } from '../../src/serve/server.js';

export interface RunningServer {
  server: Server;
  /** "http://127.0.0.1:PORT/" */
  url: string;
  close(): Promise<void>;
}

/** The draft checker on a free port, serving the page `npm test` built into dist/web. */
export async function startServer(options: DraftServerOptions = {}): Promise<RunningServer> {
  const server = createDraftServer(options);
  const url = await listen(server, 0);
  return {
    server,
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

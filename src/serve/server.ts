import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UserConfig } from '../config/config.js';
import { rules as builtInRules } from '../../rules/index.js';
import {
  DOCX_BODY_LIMIT,
  DOCX_MEDIA_TYPE,
  LINT_BODY_LIMIT,
  describeRules,
  extractDocx,
  lintForPage,
  parseLintRequest,
} from './api.js';
import { HttpError, mediaType, readBody, send, sendError, sendJson } from './http.js';
import { defaultWebRoot, loadStaticFiles, type StaticFile } from './static.js';

/** The only interface the server listens on: the draft never leaves this computer. */
export const HOST = '127.0.0.1';
import { DEFAULT_PORT } from './port.js';

export { DEFAULT_PORT };

export interface DraftServerOptions {
  /** A validated configuration (see loadConfig); the recommended preset when omitted. */
  config?: UserConfig;
  /** Folder holding the built page; dist/web of the package by default. */
  webRoot?: string;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/**
 * The draft checker's HTTP server. It keeps nothing: each request is linted in memory and answered, and
 * neither requests nor texts are logged.
 */
export function createDraftServer(options: DraftServerOptions = {}): Server {
  const config = options.config ?? {};
  const files = loadStaticFiles(options.webRoot ?? defaultWebRoot());
  const ruleInfo = describeRules(builtInRules);

  const routes: Record<string, Partial<Record<string, Handler>>> = {
    '/api/lint': {
      POST: async (req, res) => {
        requireMediaType(req, 'application/json');
        const request = parseLintRequest(await readBody(req, LINT_BODY_LIMIT));
        sendJson(res, 200, lintForPage(request, config));
      },
    },
    '/api/extract-docx': {
      POST: async (req, res) => {
        requireMediaType(req, DOCX_MEDIA_TYPE);
        sendJson(res, 200, await extractDocx(await readBody(req, DOCX_BODY_LIMIT)));
      },
    },
    '/api/rules': { GET: (_req, res) => sendJson(res, 200, { rules: ruleInfo }) },
  };

  const server = createServer((req, res) => {
    handle(server, routes, files, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      // The error is answered, not logged: its message could quote the draft.
      sendError(res, error instanceof HttpError ? error : new HttpError(500, 'The checker failed on this text. Please report the problem (without the text).'));
    });
  });
  return server;
}

async function handle(
  server: Server,
  routes: Record<string, Partial<Record<string, Handler>>>,
  files: Map<string, StaticFile>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  checkOrigin(server, req);
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const route = routes[path];
  if (route) {
    const handler = route[req.method ?? 'GET'];
    if (!handler) throw methodNotAllowed(Object.keys(route));
    return handler(req, res);
  }
  const file = files.get(path);
  if (!file) throw new HttpError(404, 'Not found.');
  if (req.method !== 'GET' && req.method !== 'HEAD') throw methodNotAllowed(['GET', 'HEAD']);
  const headers = {
    'Content-Type': file.contentType,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (req.method === 'HEAD') {
    res.writeHead(200, { ...headers, 'Content-Length': String(file.body.length) });
    return void res.end();
  }
  send(res, 200, file.body, headers);
}

function requireMediaType(req: IncomingMessage, expected: string): void {
  const actual = mediaType(req);
  if (actual !== expected) {
    throw new HttpError(415, `Expected Content-Type ${expected}${actual ? `, got ${actual}` : ''}.`);
  }
}

function methodNotAllowed(allowed: string[]): HttpError {
  return new HttpError(405, `Method not allowed here; use ${allowed.join(' or ')}.`);
}

/**
 * Only pages served by this server may use it. A Host check defeats DNS rebinding (another site's name
 * pointed at 127.0.0.1); an Origin check refuses requests that other pages open in the browser send.
 */
function checkOrigin(server: Server, req: IncomingMessage): void {
  const port = (server.address() as AddressInfo | null)?.port;
  const allowed = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  if (!allowed.has(req.headers.host ?? '')) throw new HttpError(403, 'This server only answers requests addressed to 127.0.0.1.');
  const origin = req.headers.origin;
  // A sandboxed or file:// page sends "Origin: null", which is refused like any other site.
  if (origin !== undefined && !allowed.has(origin.replace(/^http:\/\//, ''))) {
    throw new HttpError(403, 'Requests from other sites are refused.');
  }
}

/** Listens on 127.0.0.1 only and resolves to the page's address once the port is open. */
export function listen(server: Server, port: number = DEFAULT_PORT): Promise<string> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(error);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve(`http://${HOST}:${(server.address() as AddressInfo).port}/`);
    });
  });
}

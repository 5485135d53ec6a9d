import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { packageRoot } from '../package-root.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
  /** Vite puts a content hash in asset names, so they never change under the same URL. */
  immutable: boolean;
}

/** Where `npm run build` puts the page (see web/vite.config.ts). */
export function defaultWebRoot(): string {
  return join(packageRoot(), 'dist', 'web');
}

/**
 * Loads the built page into memory, keyed by URL path. Serving from this fixed table (a few files, under
 * 100 KB) rather than from the disk per request means no URL can reach a file outside the page.
 */
export function loadStaticFiles(webRoot: string): Map<string, StaticFile> {
  if (!existsSync(join(webRoot, 'index.html'))) {
    throw new Error(`the draft checker page has not been built (${webRoot}/index.html is missing): run \`npm run build\``);
  }
  const files = new Map<string, StaticFile>();
  for (const path of listFiles(webRoot)) {
    const urlPath = '/' + relative(webRoot, path).split(sep).join('/');
    const contentType = CONTENT_TYPES[extname(path).toLowerCase()];
    if (!contentType) continue;
    files.set(urlPath, { body: readFileSync(path), contentType, immutable: urlPath.startsWith('/assets/') });
  }
  files.set('/', files.get('/index.html')!);
  return files;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

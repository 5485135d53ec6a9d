import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The draft checker page: plain TypeScript and CSS bundled into dist/web, served by `anti-racist-lint serve`.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Everything is a file served by the local server: no data: URLs (the CSP allows only 'self').
    assetsInlineLimit: 0,
    // The polyfill would be an inline script, which the Content-Security-Policy forbids; evergreen browsers
    // support modulepreload natively.
    modulePreload: { polyfill: false },
    sourcemap: false,
    target: 'es2022',
  },
});

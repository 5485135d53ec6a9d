import { existsSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { build } from 'rolldown';

/**
 * Build step: the command line as one ES module (dist/cli/main.js, plus chunks for what it loads on demand).
 *
 * Node loads ES modules one file at a time: the compiled sources and their ES-module dependencies (unified,
 * micromark, diff, chalk, …) are a few hundred files, which took longer to load than linting a note. The bundle
 * holds our code and every ES-module dependency; CommonJS packages (commander, cosmiconfig, js-yaml, …) stay
 * outside and are required as usual. bin/anti-racist-lint.js uses the bundle when it is at least as new as the
 * compiled sources (dist/src), so a plain `tsc` without this step never runs stale code.
 *
 * Every module keeps its own `import.meta.url` (rewritten to point at where the module was), so data found
 * beside a module (rules/<id>/terms.yml, package.json) and require() from it work exactly as without the bundle.
 */
export const CLI_BUNDLE_DIR = join('dist', 'cli');

const BUILTINS = new Set(builtinModules);

/** "@scope/name/sub" → "@scope/name"; "name/sub" → "name". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The package.json of a dependency as Node would find it from the importing module. */
function manifestOf(name: string, importer: string | undefined, root: string): { type?: string } | undefined {
  let dir = importer && isAbsolute(importer) ? dirname(importer) : root;
  for (;;) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')) as { type?: string };
    if (dir === dirname(dir)) return undefined;
    dir = dirname(dir);
  }
}

/** Node built-ins and CommonJS packages stay outside the bundle; ES-module packages go in. */
function isExternal(id: string, importer: string | undefined, root: string): boolean {
  if (id.startsWith('node:') || BUILTINS.has(id)) return true;
  // Relative paths, package-internal imports ("#ansi-styles") and virtual modules are the bundler's to resolve.
  if (id.startsWith('.') || id.startsWith('#') || id.startsWith('\0') || isAbsolute(id)) return false;
  const manifest = manifestOf(packageName(id), importer, root);
  if (!manifest) return false;
  if (manifest.type === 'module') return false;
  // An external package must resolve to the same copy from dist/cli as from its importer (no nested copies).
  const fromRoot = manifestOf(packageName(id), undefined, root);
  if (fromRoot !== undefined && JSON.stringify(fromRoot) !== JSON.stringify(manifest)) {
    throw new Error(`bundle-cli: ${id} is CommonJS and installed in more than one version; it cannot stay outside the bundle`);
  }
  return true;
}

export async function bundleCli(root: string): Promise<void> {
  const outDir = join(root, CLI_BUNDLE_DIR);
  rmSync(outDir, { recursive: true, force: true });
  await build({
    input: { main: join(root, 'dist', 'src', 'cli', 'main.js') },
    platform: 'node',
    logLevel: 'warn',
    external: (id, importer) => isExternal(id, importer, root),
    plugins: [
      {
        name: 'keep-module-urls',
        transform(code, id) {
          if (!isAbsolute(id) || !code.includes('import.meta')) return null;
          const unsupported = /import\.meta\.(resolve|dirname|filename)\b/.exec(code);
          if (unsupported) throw new Error(`bundle-cli: ${id} uses ${unsupported[0]}, which would point into the bundle; use import.meta.url`);
          const fromBundle = relative(outDir, id).split(sep).join('/');
          return code.replace(/\bimport\.meta\.url\b/g, `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
        },
      },
    ],
    // Chunks sit beside main.js: the rewritten module URLs are relative to that one folder.
    output: { dir: outDir, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
  });
}

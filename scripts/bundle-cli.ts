import { rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { isAbsolute, join, relative, sep } from 'node:path';
import { build } from 'rolldown';

/**
 * Build step: the command line as one ES module (dist/cli/main.js, plus chunks for what it loads on demand).
 *
 * Node loads modules one file at a time: the compiled sources and their dependencies (unified, micromark, diff,
 * chalk, commander, …) are a few hundred files, which took longer to load than linting a note. The bundle holds
 * our code and its dependencies, except the few in OUTSIDE_THE_BUNDLE. bin/anti-racist-lint.js uses the bundle
 * when it is at least as new as the compiled sources (dist/src), so a plain `tsc` never runs stale code.
 *
 * Each of our modules keeps its own `import.meta.url` (rewritten to point at where the module was), so data found
 * beside a module (rules/<id>/terms.yml, package.json) and require() from it work exactly as without the bundle.
 */
export const CLI_BUNDLE_DIR = join('dist', 'cli');

/** Packages loaded as usual, from node_modules, and why. */
const OUTSIDE_THE_BUNDLE: Record<string, string> = {
  cosmiconfig: 'loads configuration files as modules at run time (require cache, import-fresh)',
  typescript: "cosmiconfig's optional loader for .ts configuration files",
  mammoth: 'reads .docx for the draft checker only, and is large',
  compromise: 'loaded through the tagger snapshot (src/nlp/tagger-snapshot.ts), or required as a fallback',
};

const BUILTINS = new Set(builtinModules);

/** "@scope/name/sub" → "@scope/name"; "name/sub" → "name". */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function isExternal(id: string): boolean {
  return id.startsWith('node:') || BUILTINS.has(id) || packageName(id) in OUTSIDE_THE_BUNDLE;
}

export async function bundleCli(root: string): Promise<void> {
  const outDir = join(root, CLI_BUNDLE_DIR);
  rmSync(outDir, { recursive: true, force: true });
  await build({
    input: { main: join(root, 'dist', 'src', 'cli', 'main.js') },
    platform: 'node',
    logLevel: 'warn',
    external: isExternal,
    plugins: [
      {
        name: 'keep-module-urls',
        transform(code, id) {
          // Only our own modules: their place in the package is fixed. A dependency's place depends on how npm
          // laid out node_modules (hoisted or not); the few that use import.meta.url only resolve packages from
          // it (createRequire), which works as well from the bundle's URL.
          if (!isAbsolute(id) || id.split(sep).includes('node_modules') || !code.includes('import.meta')) return null;
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

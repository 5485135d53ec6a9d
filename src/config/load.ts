import { cosmiconfigSync } from 'cosmiconfig';
import { dirname, relative } from 'node:path';
import type { Rule } from '../engine/rule.js';
import { ConfigError, validateUserConfig, type UserConfig } from './config.js';

const MODULE = 'anti-racist-lint';

export const SEARCH_PLACES = [
  'package.json',
  '.anti-racist-lintrc',
  '.anti-racist-lintrc.json',
  '.anti-racist-lintrc.yaml',
  '.anti-racist-lintrc.yml',
  '.anti-racist-lintrc.js',
  '.anti-racist-lintrc.cjs',
  'anti-racist-lint.config.js',
  'anti-racist-lint.config.cjs',
];

export interface LoadedConfig {
  config: UserConfig;
  /** The file it came from, relative to the working directory; undefined when none was found. */
  filePath?: string;
}

/**
 * Finds and validates the configuration: an explicit `--config FILE`, or cosmiconfig's search from the
 * working directory upwards. A broken file is a ConfigError naming the file and the key.
 */
export function loadConfig(rules: readonly Rule[], options: { configFile?: string; cwd?: string } = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const explorer = cosmiconfigSync(MODULE, { searchPlaces: SEARCH_PLACES, stopDir: undefined, searchStrategy: 'global' });
  let result: { config: unknown; filepath: string } | null;
  const shown = (file: string) => relative(cwd, file) || file;
  try {
    result = options.configFile ? explorer.load(options.configFile) : explorer.search(cwd);
  } catch (error) {
    const file = options.configFile ?? (error as { filepath?: string }).filepath ?? 'configuration';
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : firstLine((error as Error).message);
    throw new ConfigError(shown(file), '(file)', reason);
  }
  if (!result) return { config: {} };
  const filePath = shown(result.filepath);
  const config = defaultExport(result.config);
  if (config === undefined || config === null) return { config: {}, filePath };
  return { config: { ...validateUserConfig(config, rules, filePath), basePath: dirname(result.filepath) }, filePath };
}

/**
 * An ES module configuration (`export default {…}` in a package with "type": "module") arrives as its module
 * namespace, since Node 20.19 lets require() load ES modules: the configuration is its default export.
 */
function defaultExport(loaded: unknown): unknown {
  if (!loaded || typeof loaded !== 'object' || !('default' in loaded)) return loaded;
  const namespace = Object.prototype.toString.call(loaded) === '[object Module]' || (loaded as { __esModule?: unknown }).__esModule === true;
  return namespace ? (loaded as { default: unknown }).default : loaded;
}

function firstLine(message: string): string {
  return message.split('\n').find((l) => l.trim() !== '')?.trim() ?? message;
}

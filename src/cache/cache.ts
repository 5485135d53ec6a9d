import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { LintResult } from '../linter.js';
import { ensureFolder, writeFileAtomic } from '../fix/write-file.js';

/**
 * `--cache`: remembers each file's findings under the hash of its bytes and of its effective configuration,
 * so a CI run over a large folder re-lints only what changed. It holds findings only (the same messages a JSON
 * report shows), never the record text itself, and is thrown away whole when the tool version or the rule set
 * changes.
 */
export const DEFAULT_CACHE_FILE = '.anti-racist-lintcache';
const CACHE_FORMAT = 1;

/** A result without the text: what the cache may keep. */
export type CachedResult = Omit<LintResult, 'filePath' | 'source' | 'output'>;

interface CacheEntry {
  /** SHA-256 of the file's bytes. */
  content: string;
  /** Hash of the file's effective configuration and lint options. */
  config: string;
  result: CachedResult;
}

interface CacheJson {
  format: number;
  /** Tool version and rule set: a change invalidates every entry. */
  tool: string;
  files: Record<string, CacheEntry>;
}

/** `--cache-location`: a file, or a folder (existing, or written with a trailing slash) to hold the default file. */
export function resolveCacheLocation(location: string | undefined, cwd: string): string {
  if (!location) return join(cwd, DEFAULT_CACHE_FILE);
  const absolute = resolve(cwd, location);
  const isFolder = /[\\/]$/.test(location) || (existsSync(absolute) && statSync(absolute).isDirectory());
  return isFolder ? join(absolute, DEFAULT_CACHE_FILE) : absolute;
}

export class LintCache {
  private dirty = false;

  private constructor(
    readonly path: string,
    private readonly tool: string,
    private readonly files: Record<string, CacheEntry>,
  ) {}

  /** Opens the cache; a missing, unreadable or outdated file starts an empty one (it is only a cache). */
  static open(path: string, tool: string): LintCache {
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheJson>;
      if (data.format === CACHE_FORMAT && data.tool === tool && typeof data.files === 'object' && data.files) return new LintCache(path, tool, data.files);
    } catch {
      // No cache yet, or a broken one: start again.
    }
    return new LintCache(path, tool, {});
  }

  get(filePath: string, content: string, config: string): CachedResult | undefined {
    const entry = this.files[this.keyOf(filePath)];
    return entry && entry.content === content && entry.config === config ? entry.result : undefined;
  }

  set(filePath: string, content: string, config: string, result: LintResult): void {
    const { filePath: _path, source: _source, output: _output, ...findings } = result;
    this.files[this.keyOf(filePath)] = { content, config, result: findings };
    this.dirty = true;
  }

  /** Writes the cache (atomically) if anything changed, dropping entries of files that no longer exist. */
  save(): void {
    for (const key of Object.keys(this.files)) {
      if (!existsSync(resolve(dirname(this.path), key))) {
        delete this.files[key];
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    ensureFolder(dirname(this.path));
    const json: CacheJson = { format: CACHE_FORMAT, tool: this.tool, files: this.files };
    writeFileAtomic(this.path, Buffer.from(JSON.stringify(json)));
    this.dirty = false;
  }

  private keyOf(filePath: string): string {
    const rel = relative(dirname(this.path), resolve(filePath));
    return isAbsolute(rel) ? rel : rel.split(sep).join('/');
  }
}

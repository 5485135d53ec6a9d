import { RE2JS } from 're2js';
import type { Severity } from '../engine/rule.js';
import { TermMatcher, type TermEntry } from '../terms/compile.js';
import { ConfigError } from './config.js';

/**
 * An organisation's own terms, from the configuration's `terms` list, reported under the `custom-terms`
 * rule:
 *
 *   "terms": [
 *     { "id": "service-user", "match": ["service user|users"], "suggest": ["the person's name"],
 *       "message": "Say who the person is rather than “{term}”.", "severity": "warn" },
 *     { "id": "non-compliant", "pattern": "\\bnon-?complian(?:t|ce)\\b", "severity": "info" }
 *   ]
 *
 * `match` phrases use the terms.yml syntax (`a|b`, `word?`, `*`, capitals match only capitals). `pattern` is a
 * regular expression run on RE2JS, a linear-time engine: no pattern can make the linter hang, whatever the
 * text. Its syntax is RE2's (no look-around, no back-references); it is matched within one sentence,
 * ignoring case unless `caseSensitive` is true. Everything is checked when the configuration is loaded and
 * a problem is a ConfigError naming the file and the entry (`terms[2].pattern`).
 */
export interface CustomTermConfig {
  id: string;
  match?: string[];
  pattern?: string;
  caseSensitive?: boolean;
  message?: string;
  suggest?: string[];
  severity?: string | number;
}

export interface CustomTerm {
  id: string;
  message: string;
  suggest: string[];
  severity: Severity;
  /** Compiled `pattern`, when the entry has one. */
  pattern?: RE2JS;
}

export interface CompiledCustomTerms {
  terms: CustomTerm[];
  /** The `match` phrases of every entry, as one token-sequence matcher (term ids as in `terms`). */
  phrases?: TermMatcher;
}

export const DEFAULT_CUSTOM_MESSAGE = '“{term}” is on this organisation’s list of terms to avoid.';

/** Longest pattern accepted: patterns are for words and phrases, and RE2's compiled size grows with length. */
const MAX_PATTERN_LENGTH = 1000;

const KEYS = new Set(['id', 'match', 'pattern', 'caseSensitive', 'message', 'suggest', 'severity']);
const TERM_SEVERITIES: Record<string, Severity> = { error: 'error', '2': 'error', warn: 'warning', warning: 'warning', '1': 'warning', info: 'info', '0': 'info' };

const compiledCache = new WeakMap<object, CompiledCustomTerms>();

/** Validates and compiles the `terms` list once per configuration object. */
export function compileCustomTerms(value: unknown, source: string): CompiledCustomTerms {
  if (typeof value === 'object' && value !== null) {
    const cached = compiledCache.get(value);
    if (cached) return cached;
  }
  if (!Array.isArray(value)) throw new ConfigError(source, 'terms', 'expected a list of terms ({ "id", "match" or "pattern", "message", "suggest", "severity" })');
  const terms: CustomTerm[] = [];
  const phraseEntries: TermEntry[] = [];
  const ids = new Set<string>();
  value.forEach((entry: unknown, i: number) => {
    const key = `terms[${i}]`;
    const term = validateEntry(entry, key, source);
    if (ids.has(term.id)) throw new ConfigError(source, `${key}.id`, `duplicate term id "${term.id}"`);
    ids.add(term.id);
    const compiled: CustomTerm = {
      id: term.id,
      message: term.message ?? DEFAULT_CUSTOM_MESSAGE,
      suggest: term.suggest ?? [],
      severity: term.severity === undefined ? 'warning' : TERM_SEVERITIES[String(term.severity)],
    };
    if (term.pattern !== undefined) compiled.pattern = compilePattern(term.pattern, term.caseSensitive === true, `${key}.pattern`, source);
    if (term.match) phraseEntries.push({ id: term.id, match: term.match });
    terms.push(compiled);
  });
  let phrases: TermMatcher | undefined;
  if (phraseEntries.length) {
    try {
      phrases = new TermMatcher(phraseEntries, 'terms');
    } catch (error) {
      throw new ConfigError(source, 'terms', `${(error as Error).message.replace(/^terms: /, '')}`);
    }
  }
  const result = { terms, ...(phrases ? { phrases } : {}) };
  if (typeof value === 'object' && value !== null) compiledCache.set(value, result);
  return result;
}

function validateEntry(entry: unknown, key: string, source: string): CustomTermConfig {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ConfigError(source, key, 'expected an object');
  const term = entry as Record<string, unknown>;
  for (const name of Object.keys(term)) if (!KEYS.has(name)) throw new ConfigError(source, `${key}.${name}`, `unknown key (known: ${[...KEYS].join(', ')})`);
  if (typeof term.id !== 'string' || !/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/i.test(term.id)) {
    throw new ConfigError(source, `${key}.id`, 'expected an id such as "service-user" (letters, digits, - and _)');
  }
  const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.trim() !== '');
  if (term.match !== undefined && !(isStrings(term.match) && (term.match as string[]).length > 0)) {
    throw new ConfigError(source, `${key}.match`, 'expected a non-empty list of phrases');
  }
  if (term.pattern !== undefined && (typeof term.pattern !== 'string' || term.pattern === '')) throw new ConfigError(source, `${key}.pattern`, 'expected a regular expression as a string');
  if (term.match === undefined && term.pattern === undefined) throw new ConfigError(source, key, 'needs "match" (phrases) or "pattern" (a regular expression)');
  if (term.caseSensitive !== undefined && typeof term.caseSensitive !== 'boolean') throw new ConfigError(source, `${key}.caseSensitive`, 'expected true or false');
  if (term.message !== undefined && (typeof term.message !== 'string' || term.message.trim() === '')) throw new ConfigError(source, `${key}.message`, 'expected a message');
  if (term.suggest !== undefined && !isStrings(term.suggest)) throw new ConfigError(source, `${key}.suggest`, 'expected a list of suggested wordings');
  if (term.severity !== undefined && TERM_SEVERITIES[String(term.severity)] === undefined) {
    throw new ConfigError(source, `${key}.severity`, `invalid severity ${JSON.stringify(term.severity)} (use info, warn or error)`);
  }
  return term as unknown as CustomTermConfig;
}

/** Compiles a pattern on the linear-time engine; explains the few JavaScript features RE2 lacks. */
function compilePattern(pattern: string, caseSensitive: boolean, key: string, source: string): RE2JS {
  if (pattern.length > MAX_PATTERN_LENGTH) throw new ConfigError(source, key, `pattern too long (${pattern.length} characters; at most ${MAX_PATTERN_LENGTH})`);
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, caseSensitive ? 0 : RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const hint = /\(\?<?[=!]/.test(pattern)
      ? 'look-ahead and look-behind are not supported (patterns run on a linear-time engine that cannot hang)'
      : /\\[1-9]/.test(pattern)
        ? 'back-references such as \\1 are not supported (patterns run on a linear-time engine that cannot hang)'
        : `invalid regular expression: ${(error as Error).message.replace(/^error parsing regexp: /, '')}`;
    throw new ConfigError(source, key, hint);
  }
  if (compiled.matcher('').find()) throw new ConfigError(source, key, 'the pattern matches an empty string, so it would match everywhere');
  return compiled;
}

import { isAbsolute, relative } from 'node:path';
import picomatch from 'picomatch';
import type { EngineConfig, RuleSetting } from '../engine/lint.js';
import type { Rule, SeveritySetting } from '../engine/rule.js';
import { compileCustomTerms, type CustomTermConfig } from './custom-terms.js';

/**
 * The configuration file's shape (`.anti-racist-lintrc.json` and friends). Everything is optional.
 *
 *   { "preset": "recommended", "rules": { "trigger-label": "warn", "ethnic-minority": ["warn", { "preferred": "global majority" }] },
 *     "overrides": [{ "files": ["policies/**"], "kind": "policy", "rules": { "generic-ethnicity": "info" } }],
 *     "ignorePatterns": ["archive/**"] }
 */
export interface UserConfig {
  preset?: PresetName;
  rules?: Record<string, RuleEntry>;
  overrides?: { files: string[] | string; kind?: string; rules?: Record<string, RuleEntry> }[];
  ignorePatterns?: string[];
  /**
   * Not written by users: loadConfig sets it to the configuration file's folder, which `overrides[].files` globs
   * are relative to (as in ESLint). Without it, the working directory.
   */
  basePath?: string;
  /** The organisation's own terms, reported by the `custom-terms` rule (see custom-terms.ts). */
  terms?: CustomTermConfig[];
}

export type RuleEntry = SeverityInput | [SeverityInput] | [SeverityInput, Record<string, unknown>];
type SeverityInput = SeveritySetting | 'warn' | 0 | 1 | 2;

/** The rule that reports the configuration's `terms`. */
export const CUSTOM_TERMS_RULE = 'custom-terms';

export const PRESETS = ['recommended', 'strict', 'general-inclusive'] as const;
export type PresetName = (typeof PRESETS)[number];

/** A configuration problem: the CLI prints it in one line and exits 2. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly key: string,
    problem: string,
  ) {
    super(`${source}: ${key}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const SEVERITY_WORDS: Record<string, SeveritySetting> = {
  off: 'off',
  '0': 'off',
  info: 'info',
  warn: 'warning',
  warning: 'warning',
  '1': 'warning',
  error: 'error',
  '2': 'error',
};

export function parseSeverity(value: unknown, source: string, key: string): SeveritySetting {
  const severity = SEVERITY_WORDS[String(value)];
  if (severity === undefined || (typeof value !== 'string' && typeof value !== 'number')) {
    throw new ConfigError(source, key, `invalid severity ${JSON.stringify(value)} (use off, info, warn or error)`);
  }
  return severity;
}

function ruleById(rules: readonly Rule[], id: string): Rule | undefined {
  return rules.find((r) => r.meta.id === id || r.meta.aliases?.includes(id));
}

function validateOptions(rule: Rule, options: Record<string, unknown>, source: string, key: string): void {
  const specs = rule.meta.options ?? {};
  for (const [name, value] of Object.entries(options)) {
    const spec = specs[name];
    if (!spec) {
      const known = Object.keys(specs);
      throw new ConfigError(source, `${key}.${name}`, `unknown option for ${rule.meta.id}${known.length ? ` (known: ${known.join(', ')})` : ' (it takes no options)'}`);
    }
    const ok =
      spec.type === 'string[]'
        ? Array.isArray(value) && value.every((v) => typeof v === 'string')
        : spec.type === 'object'
          ? typeof value === 'object' && value !== null && !Array.isArray(value)
          : typeof value === spec.type;
    if (!ok) throw new ConfigError(source, `${key}.${name}`, `expected ${spec.type}, got ${JSON.stringify(value)}`);
    if (spec.enum && !spec.enum.includes(value as string)) {
      throw new ConfigError(source, `${key}.${name}`, `must be one of ${spec.enum.map((e) => JSON.stringify(e)).join(', ')}`);
    }
  }
}

/** Resolves one `rules` object into settings, validating ids, severities and options. */
export function resolveRuleEntries(entries: Record<string, unknown>, rules: readonly Rule[], source: string, keyPrefix = 'rules'): Record<string, RuleSetting> {
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    throw new ConfigError(source, keyPrefix, 'expected an object mapping rule ids to severities');
  }
  const out: Record<string, RuleSetting> = {};
  for (const [id, entry] of Object.entries(entries)) {
    const key = `${keyPrefix}.${id}`;
    const rule = ruleById(rules, id);
    if (!rule) throw new ConfigError(source, key, `unknown rule "${id}" (see anti-racist-lint --list-rules)`);
    const [severityInput, options = {}] = Array.isArray(entry) ? entry : [entry];
    if (typeof options !== 'object' || options === null || Array.isArray(options)) {
      throw new ConfigError(source, key, 'rule options must be an object');
    }
    validateOptions(rule, options as Record<string, unknown>, source, key);
    out[rule.meta.id] = { severity: parseSeverity(severityInput, source, key), options: options as Record<string, unknown> };
  }
  return out;
}

export function presetSettings(preset: PresetName, rules: readonly Rule[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const rule of rules) {
    const optIn = rule.meta.category === 'general-inclusive';
    let severity: SeveritySetting = optIn ? 'off' : rule.meta.severity;
    if (preset === 'strict' && !optIn) severity = 'error';
    if (preset === 'general-inclusive' && optIn) severity = 'warning';
    out[rule.meta.id] = { severity, options: {} };
  }
  return out;
}

/** Validates a loaded configuration object; throws ConfigError naming the file and key. */
export function validateUserConfig(value: unknown, rules: readonly Rule[], source: string): UserConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ConfigError(source, '(root)', 'expected an object');
  const config = value as Record<string, unknown>;
  const known = new Set(['preset', 'rules', 'overrides', 'ignorePatterns', 'terms', '$schema']);
  for (const key of Object.keys(config)) if (!known.has(key)) throw new ConfigError(source, key, `unknown key (known: ${[...known].join(', ')})`);
  if (config.preset !== undefined && !PRESETS.includes(config.preset as PresetName)) {
    throw new ConfigError(source, 'preset', `unknown preset ${JSON.stringify(config.preset)} (use ${PRESETS.join(', ')})`);
  }
  if (config.rules !== undefined) resolveRuleEntries(config.rules as Record<string, unknown>, rules, source);
  if (config.terms !== undefined) compileCustomTerms(config.terms, source);
  if (config.ignorePatterns !== undefined && !(Array.isArray(config.ignorePatterns) && config.ignorePatterns.every((p) => typeof p === 'string'))) {
    throw new ConfigError(source, 'ignorePatterns', 'expected a list of glob strings');
  }
  if (config.overrides !== undefined) {
    if (!Array.isArray(config.overrides)) throw new ConfigError(source, 'overrides', 'expected a list');
    config.overrides.forEach((o: unknown, i: number) => {
      const key = `overrides[${i}]`;
      if (typeof o !== 'object' || o === null) throw new ConfigError(source, key, 'expected an object');
      const files = (o as { files?: unknown }).files;
      if (!(typeof files === 'string' || (Array.isArray(files) && files.every((f) => typeof f === 'string')))) {
        throw new ConfigError(source, `${key}.files`, 'expected a glob or a list of globs');
      }
      const kind = (o as { kind?: unknown }).kind;
      if (kind !== undefined && typeof kind !== 'string') throw new ConfigError(source, `${key}.kind`, 'expected a string');
      const r = (o as { rules?: unknown }).rules;
      if (r !== undefined) resolveRuleEntries(r as Record<string, unknown>, rules, source, `${key}.rules`);
    });
  }
  return config as UserConfig;
}

export interface ResolvedFileConfig extends EngineConfig {
  /** Document type forced by an override, e.g. 'policy'. */
  kind?: string;
}

/**
 * The effective configuration for one file: preset, then the file's `rules`, then matching `overrides` in
 * order, then command-line `--rule` settings.
 */
export function configForFile(
  user: UserConfig,
  rules: readonly Rule[],
  filePath: string | undefined,
  cliRules: Record<string, RuleSetting> = {},
  source = 'configuration',
): ResolvedFileConfig {
  const settings = presetSettings(user.preset ?? 'recommended', rules);
  const merge = (extra: Record<string, RuleSetting>) => {
    for (const [id, s] of Object.entries(extra)) {
      settings[id] = { severity: s.severity, options: { ...(settings[id]?.options ?? {}), ...s.options } };
    }
  };
  if (user.rules) merge(resolveRuleEntries(user.rules as Record<string, unknown>, rules, source));
  let kind: string | undefined;
  for (const [i, o] of (user.overrides ?? []).entries()) {
    if (!filePath) continue;
    const globs = Array.isArray(o.files) ? o.files : [o.files];
    const normalised = (isAbsolute(filePath) ? relative(user.basePath ?? process.cwd(), filePath) : filePath).replace(/\\/g, '/');
    if (!globs.some((g) => picomatch(g, { dot: true, matchBase: !g.includes('/') })(normalised))) continue;
    if (o.kind) kind = o.kind;
    if (o.rules) merge(resolveRuleEntries(o.rules as Record<string, unknown>, rules, source, `overrides[${i}].rules`));
  }
  merge(cliRules);
  // Custom terms reach their rule as an option; they were validated when the configuration was loaded.
  if (user.terms && settings[CUSTOM_TERMS_RULE]) settings[CUSTOM_TERMS_RULE].options = { ...settings[CUSTOM_TERMS_RULE].options, terms: compileCustomTerms(user.terms, source) };
  return { rules: settings, ...(kind ? { kind } : {}) };
}

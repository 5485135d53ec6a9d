import type { Rule } from '../engine/rule.js';
import type { LintResult } from '../linter.js';
import { formatCompact } from './compact.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJsonWithMetadata } from './json-with-metadata.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export interface FormatterOptions {
  color?: boolean;
  /** Paths are shown relative to this folder (default: the working directory). */
  cwd?: string;
  /** For `github`: the repository root annotations are relative to (GITHUB_WORKSPACE in a workflow). */
  root?: string;
  /** The rules that ran, for formats that describe them (default: the built-in rules). */
  rules?: readonly Rule[];
  /** Facts about the run that some formats include, e.g. `{ baseline: { file, new, known, absent } }`. */
  metadata?: Record<string, unknown>;
}

export type Formatter = (results: LintResult[], options: FormatterOptions) => string;

/** Formatters by name: each turns results into a string and does nothing else. */
export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  'json-with-metadata': formatJsonWithMetadata,
  sarif: formatSarif,
  github: formatGithub,
  junit: formatJunit,
  compact: formatCompact,
};

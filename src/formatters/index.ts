import type { LintResult } from '../linter.js';
import { formatJson } from './json.js';
import { formatStylish } from './stylish.js';

export interface FormatterOptions {
  color?: boolean;
  cwd?: string;
}

export type Formatter = (results: LintResult[], options: FormatterOptions) => string;

/** Formatters by name: each turns results into a string and does nothing else. */
export const formatters: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
};

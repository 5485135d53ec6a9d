import type { Rule } from '../engine/rule.js';
import { rules } from '../../rules/index.js';

/** The built-in rules, for formatters that describe rules (SARIF, json-with-metadata) when not given others. */
export function builtInRules(): readonly Rule[] {
  return rules;
}

import type { Rule } from '../src/engine/rule.js';
import mixedRace from './mixed-race/rule.js';

/** Every built-in rule, sorted by id. A test checks this list against the folders in rules/. */
export const rules: readonly Rule[] = [mixedRace];

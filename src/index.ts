export { lintText, lintFiles, decodeText, type LintResult, type LintMessage, type LintTextOptions } from './linter.js';
export { parseDocument, type ParseOptions } from './parse/index.js';
export { loadConfig } from './config/load.js';
export { ConfigError, type UserConfig } from './config/config.js';
export { formatters } from './formatters/index.js';
export { rules } from '../rules/index.js';
export type { Document, Sentence, Token, Quote, Span, Block } from './document/types.js';
export type { Rule, RuleMeta, RuleContext, Severity } from './engine/rule.js';

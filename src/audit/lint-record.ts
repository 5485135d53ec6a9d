import type { Document, DocumentFormat } from '../document/types.js';
import { runRules, type EngineConfig, type Finding, type SuppressedFinding } from '../engine/lint.js';
import type { Rule } from '../engine/rule.js';
import { parseDocument } from '../parse/index.js';
import { TriggerScanner } from './prescan.js';

export interface PrescanLintOptions {
  format?: DocumentFormat;
  filePath?: string;
}

export interface PrescanLintResult {
  /** Undefined when no trigger occurred and nothing was parsed. */
  doc: Document | undefined;
  findings: Finding[];
  suppressed: SuppressedFinding[];
}

/**
 * Lints one text like `lintDocumentText`, with the pre-scan: the same findings, but NLP runs only where an
 * enabled rule's trigger occurs. One instance per configuration (it caches the compiled scanner).
 */
export class PrescanLinter {
  private readonly enabled: Rule[];
  private readonly scanner: TriggerScanner;

  constructor(
    rules: readonly Rule[],
    private readonly config: EngineConfig & { kind?: string },
  ) {
    this.enabled = rules.filter((r) => (config.rules[r.meta.id]?.severity ?? r.meta.severity) !== 'off');
    this.scanner = new TriggerScanner(this.enabled, { config, kind: config.kind });
  }

  /** Which of `texts` may need linting at all, in one pass (see TriggerScanner.mayTrigger). */
  mayTrigger(texts: readonly string[]): boolean[] {
    return this.scanner.mayTrigger(texts);
  }

  lint(text: string, options: PrescanLintOptions = {}): PrescanLintResult {
    const scan = this.scanner.scan(text);
    if (scan.rules.length === 0) return { doc: undefined, findings: [], suppressed: [] };
    const doc = parseDocument(text, {
      ...options,
      kind: this.config.kind,
      // Plain text keeps its prose identical to the source unless it holds URLs; then the hits are reused.
      ...(scan.wholeDocument ? {} : { candidates: (prose: string) => (prose === text ? scan.hits : this.scanner.hits(prose)) }),
    });
    const { findings, suppressed } = runRules(doc, scan.rules, this.config);
    return { doc, findings, suppressed };
  }
}

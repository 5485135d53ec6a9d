import type { Document, Span } from '../document/types.js';
import type { EngineResult, Finding, SuppressedFinding } from './lint.js';
import type { Rule, Severity } from './rule.js';

/**
 * In-document control, as ESLint's `eslint-disable` comments, written as HTML comments:
 *
 *   <!-- anti-racist-lint-disable mixed-race, trigger-label -- quoting the 2019 policy verbatim -->
 *   <!-- anti-racist-lint-enable mixed-race -->
 *   <!-- anti-racist-lint-disable-next-line -->
 *   The sentence below the comment. <!-- anti-racist-lint-disable-line jargon -- explained in the glossary -->
 *
 * No rule list means every rule. The reason after ` -- ` is kept as the justification of each finding it
 * suppresses (suppressedMessages, kind 'directive').
 */
export type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** Canonical rule ids; empty means every rule. */
  ruleIds: string[];
  /** Ids written in the comment that name no rule. */
  unknownIds: string[];
  justification: string;
  /** The whole comment. */
  span: Span;
}

export interface DirectiveOptions {
  /** false: comments are ignored (`--no-inline-config`). */
  inlineConfig?: boolean;
  /** Severity of the problem reported for a disable directive that suppressed nothing; 'off' by default. */
  reportUnused?: Severity | 'off';
}

/** Problems about directives themselves are reported under these ids (not rules: they cannot be disabled). */
export const UNUSED_DIRECTIVE_ID = 'unused-disable-directive';
export const INVALID_DIRECTIVE_ID = 'invalid-directive';

const DIRECTIVE = /^anti-racist-lint-(disable-next-line|disable-line|disable|enable)(?=\s|$)([\s\S]*)$/;
const REASON_SEPARATOR = /\s-{2,}\s|\s-{2,}$/;

/** Reads the directives among a document's comments; other comments are ignored. */
export function parseDirectives(doc: Document, rules: readonly Rule[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of doc.comments) {
    const m = DIRECTIVE.exec(comment.value.trim());
    if (!m) continue;
    const separator = REASON_SEPARATOR.exec(m[2]);
    const list = separator ? m[2].slice(0, separator.index) : m[2];
    const justification = separator ? m[2].slice(separator.index + separator[0].length).trim() : '';
    const ruleIds: string[] = [];
    const unknownIds: string[] = [];
    for (const written of list.split(/[\s,]+/).filter(Boolean)) {
      const rule = rules.find((r) => r.meta.id === written || r.meta.aliases?.includes(written));
      if (rule) ruleIds.push(rule.meta.id);
      else unknownIds.push(written);
    }
    directives.push({ kind: m[1] as DirectiveKind, ruleIds, unknownIds, justification, span: comment.span });
  }
  return directives;
}

const applies = (d: Directive, ruleId: string) => d.ruleIds.length === 0 || d.ruleIds.includes(ruleId);

/**
 * The block directive (`disable` … `enable`) in force for a rule at an offset, replaying the directives
 * before it in order: `disable` then `enable rule-a` leaves every rule but rule-a disabled (ESLint's rules).
 */
function blockDirectiveAt(blocks: Directive[], ruleId: string, offset: number): Directive | undefined {
  let active: Directive | undefined;
  for (const d of blocks) {
    if (d.span.end > offset) break;
    const explicitlyNamed = d.ruleIds.includes(ruleId);
    if (d.kind === 'disable' && (explicitlyNamed || d.ruleIds.length === 0)) active = d;
    else if (d.kind === 'enable' && (explicitlyNamed || d.ruleIds.length === 0)) active = undefined;
  }
  return active;
}

/** The directive that suppresses a finding, if any: line directives first, then the block in force. */
function suppressingDirective(doc: Document, directives: Directive[], blocks: Directive[], finding: Finding): Directive | undefined {
  const line = doc.lines.toPoint(finding.span.start).line;
  for (const d of directives) {
    if (!applies(d, finding.ruleId)) continue;
    if (d.kind === 'disable-line' && doc.lines.toPoint(d.span.start).line === line) return d;
    if (d.kind === 'disable-next-line' && doc.lines.toPoint(d.span.end).line + 1 === line) return d;
  }
  return blockDirectiveAt(blocks, finding.ruleId, finding.span.start);
}

function directiveProblem(ruleId: string, severity: Severity, message: string, span: Span): Finding {
  return { ruleId, severity, messageId: ruleId, message, span, clause: '' };
}

/**
 * Applies the document's directives to the engine's findings: suppressed findings move to `suppressed` with
 * the directive's reason; unknown rule ids, and (when asked) directives that suppressed nothing, become
 * findings themselves.
 */
export function applyDirectives(doc: Document, result: EngineResult, rules: readonly Rule[], options: DirectiveOptions = {}): EngineResult {
  if (options.inlineConfig === false || doc.comments.length === 0) return result;
  const directives = parseDirectives(doc, rules);
  if (directives.length === 0) return result;
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  const used = new Map<Directive, Set<string>>();

  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [...result.suppressed];
  for (const finding of result.findings) {
    const directive = suppressingDirective(doc, directives, blocks, finding);
    if (!directive) {
      findings.push(finding);
      continue;
    }
    suppressed.push({ ...finding, suppressions: [{ kind: 'directive', justification: directive.justification }] });
    if (!used.has(directive)) used.set(directive, new Set());
    used.get(directive)!.add(finding.ruleId);
  }

  for (const d of directives) {
    for (const id of d.unknownIds) {
      findings.push(directiveProblem(INVALID_DIRECTIVE_ID, 'error', `anti-racist-lint-${d.kind}: unknown rule "${id}" (see --list-rules).`, d.span));
    }
    if (d.kind === 'enable' || !options.reportUnused || options.reportUnused === 'off') continue;
    const usedIds = used.get(d) ?? new Set<string>();
    const unusedIds = d.ruleIds.length === 0 ? (usedIds.size ? [] : ['']) : d.ruleIds.filter((id) => !usedIds.has(id));
    for (const id of unusedIds) {
      const which = id ? ` from '${id}'` : '';
      findings.push(directiveProblem(UNUSED_DIRECTIVE_ID, options.reportUnused, `Unused anti-racist-lint-${d.kind} directive (no problems were reported${which}).`, d.span));
    }
  }

  const byPosition = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);
  return { findings: findings.sort(byPosition), suppressed: suppressed.sort(byPosition) };
}

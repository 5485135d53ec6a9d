import type { TermHit } from '../terms/compile.js';
import type { Edit, ReportDescriptor, RuleContext, Suggestion } from './rule.js';

/** Keeps the capitalisation of the replaced words: "Mixed race" → "Dual heritage". */
export function matchCase(original: string, replacement: string): string {
  if (original.length > 1 && original === original.toUpperCase() && /[A-Z]/.test(original)) return replacement.toUpperCase();
  if (/^[A-Z]/.test(original) && /^[a-z]/.test(replacement)) return replacement[0].toUpperCase() + replacement.slice(1);
  return replacement;
}

/** Suggestions from a term's `suggest` list, each as a replacement of the matched words. */
export function suggestionsFor(ctx: RuleContext, hit: TermHit, alternatives: string[] = hit.term.suggest ?? []): Suggestion[] {
  return alternatives.map((text) => ({ desc: `Replace with “${matchCase(hit.text, text)}”`, edit: ctx.replace(hit.span, matchCase(hit.text, text)) }));
}

/** The term's safe fix, when the standard gives a direct replacement. */
export function fixFor(ctx: RuleContext, hit: TermHit, replacement: string | undefined = hit.term.fix): Edit | undefined {
  return replacement === undefined ? undefined : ctx.replace(hit.span, matchCase(hit.text, replacement));
}

/** The usual report for a term-list rule: message with {term}, the term's note, suggestions and fix. */
export function termReport(ctx: RuleContext, hit: TermHit, messageId: string, extra: Partial<ReportDescriptor> = {}): ReportDescriptor {
  const fix = fixFor(ctx, hit);
  return {
    messageId,
    span: hit.span,
    data: { term: hit.text, note: hit.term.note ?? '', expected: (hit.term.suggest ?? []).map((s) => `“${s}”`).join(' or ') },
    ...(fix ? { fix } : {}),
    suggest: suggestionsFor(ctx, hit),
    ...(hit.term.severity ? { severity: hit.term.severity } : {}),
    ...extra,
  };
}

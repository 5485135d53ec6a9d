import { applyFixes } from '../engine/fixer.js';
import type { Edit } from '../engine/rule.js';

/** ESLint's limit: after this many passes the remaining fixes are left for the next run. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome<L> {
  /** The text after every pass. Equal to the input when nothing was fixed. */
  output: string;
  /** How many edits were applied over all passes. */
  applied: number;
  /** The lint of `output`: what is left to report. */
  linted: L;
}

/**
 * Applies safe fixes in passes until the text is stable (ESLint's verifyAndFix): lint, apply the edits that
 * do not overlap, re-lint the new text, and again, so every fix is checked against the text it produced and
 * edits that waited because they overlapped are recomputed. Only the `fix` of a finding is applied, never a
 * suggestion. Pure: `lint` is the only thing called.
 */
export function fixText<L>(text: string, lint: (text: string) => L, editsOf: (linted: L) => Edit[]): FixOutcome<L> {
  const lineBreak = dominantLineBreak(text);
  let output = text;
  let linted = lint(output);
  let applied = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const edits = editsOf(linted).map((e) => ({ span: e.span, text: withLineBreaks(e.text, lineBreak) }));
    if (edits.length === 0) break;
    const result = applyFixes(output, edits);
    if (result.applied === 0 || result.text === output) break;
    output = result.text;
    applied += result.applied;
    linted = lint(output);
  }
  return { output, applied, linted };
}

/** The line break a file mostly uses, so a replacement spanning lines keeps a CRLF file CRLF. */
export function dominantLineBreak(text: string): '\r\n' | '\n' | '\r' {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  const cr = (text.match(/\r/g)?.length ?? 0) - crlf;
  if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
  return cr > lf ? '\r' : '\n';
}

function withLineBreaks(text: string, lineBreak: string): string {
  return /[\r\n]/.test(text) ? text.replace(/\r\n|\r|\n/g, lineBreak) : text;
}

import type { Edit } from './rule.js';

/**
 * Applies non-overlapping edits (ESLint's SourceCodeFixer): edits are taken in order of position; one that
 * overlaps or touches an edit already applied waits for the next pass, where it is recomputed against the new
 * text. An edit outside the text or with its end before its start is never applied. Returns the new text and
 * how many edits were applied and skipped.
 */
export function applyFixes(text: string, edits: Edit[]): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  let lastEnd = -1;
  let applied = 0;
  let skipped = 0;
  for (const edit of sorted) {
    const { start, end } = edit.span;
    if (start <= lastEnd || start < 0 || end < start || end > text.length) {
      skipped++;
      continue;
    }
    out += text.slice(cursor, start) + edit.text;
    cursor = end;
    lastEnd = end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied, skipped };
}

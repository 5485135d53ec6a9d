import type { Edit } from './rule.js';

/**
 * Applies non-overlapping edits (ESLint's rule: when two overlap, the earlier one wins and the other waits
 * for the next pass). Returns the new text and how many edits were applied.
 */
export function applyFixes(text: string, edits: Edit[]): { text: string; applied: number; skipped: number } {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let cursor = 0;
  let applied = 0;
  let skipped = 0;
  for (const edit of sorted) {
    if (edit.span.start < cursor) {
      skipped++;
      continue;
    }
    out += text.slice(cursor, edit.span.start) + edit.text;
    cursor = edit.span.end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied, skipped };
}

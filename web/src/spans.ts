import type { Edit, Finding, LintMessage, WireEdit } from './types.js';

/** Start offset of every line; the editor's text only ever contains "\n" line breaks. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column (as in `--format json`) → offset into the text. */
function toOffset(starts: number[], textLength: number, line: number, column: number): number {
  const lineStart = starts[Math.min(Math.max(line - 1, 0), starts.length - 1)];
  return Math.min(textLength, lineStart + column - 1);
}

function toEdit(wire: WireEdit): Edit {
  return { start: wire.range[0], end: wire.range[1], text: wire.text };
}

/** Places the server's messages in the text they were computed for, in reading order. */
export function placeMessages(text: string, messages: LintMessage[]): Finding[] {
  const starts = lineStarts(text);
  const seen = new Map<string, number>();
  return messages
    .map((message) => {
      const start = toOffset(starts, text.length, message.line, message.column);
      const end = Math.max(start, toOffset(starts, text.length, message.endLine, message.endColumn));
      const base = `${message.ruleId}:${message.messageId}:${start}:${end}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return {
        key: n === 1 ? base : `${base}#${n}`,
        message,
        start,
        end,
        fix: message.fix ? toEdit(message.fix) : undefined,
        suggestions: (message.suggestions ?? []).map((s) => ({ desc: s.desc, edit: toEdit(s.fix) })),
      };
    })
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The region a keystroke, paste or applied fix changed: the old text's [start, oldEnd) became [start, newEnd). */
export interface Change {
  start: number;
  oldEnd: number;
  newEnd: number;
}

export function diffTexts(before: string, after: string): Change | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return { start: prefix, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** Moves a range through a change; undefined when the change touched it (its finding may no longer hold). */
function mapRange(start: number, end: number, change: Change): [number, number] | undefined {
  if (end <= change.start) return [start, end];
  if (start >= change.oldEnd) {
    const delta = change.newEnd - change.oldEnd;
    return [start + delta, end + delta];
  }
  return undefined;
}

function mapEdit(edit: Edit, change: Change): Edit | undefined {
  const range = mapRange(edit.start, edit.end, change);
  return range && { start: range[0], end: range[1], text: edit.text };
}

/**
 * Keeps underlines in place while the practitioner types, until the next check replaces them: findings
 * before or after the change move with the text, findings the change touched are dropped.
 */
export function mapFindings(findings: Finding[], change: Change): Finding[] {
  const kept: Finding[] = [];
  for (const finding of findings) {
    const range = mapRange(finding.start, finding.end, change);
    if (!range) continue;
    const fix = finding.fix && mapEdit(finding.fix, change);
    if (finding.fix && !fix) continue;
    const suggestions = finding.suggestions.map((s) => ({ desc: s.desc, edit: mapEdit(s.edit, change) }));
    if (suggestions.some((s) => !s.edit)) continue;
    kept.push({
      ...finding,
      start: range[0],
      end: range[1],
      fix,
      suggestions: suggestions as Finding['suggestions'],
    });
  }
  return kept;
}

/**
 * Applies edits that do not overlap (the first, in reading order, wins), as ESLint's fixer does. Returns
 * the new text and how many edits were applied.
 */
export function applyEdits(text: string, edits: Edit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) continue;
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}

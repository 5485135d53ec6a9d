import type { Span } from '../document/types.js';

/**
 * Builds the "prose mask": a copy of the source, the same length, where everything that is not prose is
 * replaced by spaces (line breaks are kept). Segmentation runs on the mask so offsets stay exact while code,
 * markup and URLs are never linted.
 */
export function maskOutside(text: string, keep: Span[]): string {
  const sorted = [...keep].sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const span of sorted) {
    const start = Math.max(span.start, cursor);
    if (span.end <= start) continue;
    out += blank(text.slice(cursor, start));
    out += text.slice(start, span.end);
    cursor = span.end;
  }
  return out + blank(text.slice(cursor));
}

/** Replaces the given ranges of an already-masked text with spaces. */
export function maskRanges(prose: string, ranges: Span[]): string {
  if (ranges.length === 0) return prose;
  let out = '';
  let cursor = 0;
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const start = Math.max(r.start, cursor);
    if (r.end <= start) continue;
    out += prose.slice(cursor, start) + blank(prose.slice(start, r.end));
    cursor = r.end;
  }
  return out + prose.slice(cursor);
}

function blank(s: string): string {
  return s.replace(/[^\r\n]/g, ' ');
}

// The look-behind makes an address start only where a run of address characters starts: without it a long
// run such as "a.a.a.a…" with no "@" is rescanned from every word boundary (quadratic time).
const URL_OR_EMAIL = /\b(?:https?:\/\/|www\.)[^\s<>()"']+[^\s<>()"'.,;:!?]|(?<![\w.+-])[.+-]*\b(?<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b)/g;

/** URLs and e-mail addresses: not prose even in plain text (a path may contain 'race' or 'bame'). */
export function urlRanges(text: string): Span[] {
  // Most texts hold neither; the expression is slow to fail on every word (the e-mail branch backtracks).
  if (!text.includes('@') && !text.includes('http://') && !text.includes('https://') && !text.includes('www.')) return [];
  const spans: Span[] = [];
  for (const m of text.matchAll(URL_OR_EMAIL)) {
    const email = m.groups?.email;
    const start = email === undefined ? m.index : m.index + m[0].length - email.length;
    spans.push({ start, end: m.index + m[0].length });
  }
  return spans;
}

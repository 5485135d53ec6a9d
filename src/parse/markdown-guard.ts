/**
 * Keeps Markdown parsing fast and shallow on hostile input. micromark (under remark-parse) takes time that
 * grows with the square of the nesting depth of block containers ("- - - - … x", "> > > … x", lists indented
 * level after level) and of the number of unmatched emphasis, link and code delimiters in one paragraph: a
 * 20 kB file can take minutes, and thousands of levels also overflow the stack of any recursive tree walk.
 *
 * `defuseMarkdown` returns a copy of the text, exactly as long, in which those constructs are made plain:
 * container markers beyond MAX_NESTING or MAX_INDENT columns, the indentation of a line indented beyond
 * MAX_INDENT and, in a paragraph with more than MAX_INLINE_MARKUP delimiter characters, every delimiter
 * outside the line's prefix, are replaced by a letter. Only the parse sees the copy; the prose still comes from the original
 * text, so findings keep their exact positions and nothing is hidden from the rules. Ordinary documents
 * (a few levels, a few dozen delimiters per paragraph) come back unchanged.
 */

export const MAX_NESTING = 24;
export const MAX_INDENT = 96;
export const MAX_INLINE_MARKUP = 400;

const PLAIN = 'x';
const INLINE_MARKUP = new Set(['*', '_', '[', ']', '(', ')', '<', '>', '`', '\\', '!']);

interface Line {
  start: number;
  /** End of the line's content (before its line break). */
  end: number;
  /** Where the container prefix (indentation, '>' and list markers, a fence) ends. */
  prefixEnd: number;
  blank: boolean;
}

export function defuseMarkdown(text: string): { text: string; defused: boolean } {
  const replace: number[] = [];
  const lines = scanLines(text, replace);
  defuseDenseParagraphs(text, lines, replace);
  if (replace.length === 0) return { text, defused: false };
  replace.sort((a, b) => a - b);
  const pieces: string[] = [];
  let cursor = 0;
  for (const at of replace) {
    if (at < cursor) continue;
    pieces.push(text.slice(cursor, at), PLAIN);
    cursor = at + 1;
  }
  pieces.push(text.slice(cursor));
  return { text: pieces.join(''), defused: true };
}

const isBlankChar = (c: string | undefined) => c === ' ' || c === '\t';
const endsMarker = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** Splits the text into lines and records, in `replace`, the container markers nested too deeply. */
function scanLines(text: string, replace: number[]): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    lines.push(scanPrefix(text, start, end, replace));
    if (end >= text.length) break;
    start = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
  }
  return lines;
}

function scanPrefix(text: string, start: number, end: number, replace: number[]): Line {
  let i = start;
  let markers = 0;
  let columns = 0;
  // A line indented beyond MAX_INDENT would open yet another nested list, or become code inside the deepest
  // one: its indentation is made plain, so it reads as ordinary text and is still linted.
  let indent = 0;
  while (i < end && isBlankChar(text[i])) indent += text[i++] === '\t' ? 4 : 1;
  if (indent > MAX_INDENT && i < end) {
    for (let k = start; k < i; k++) replace.push(k);
    return { start, end, prefixEnd: start, blank: false };
  }
  i = start;
  const tooDeep = () => markers > MAX_NESTING || columns > MAX_INDENT;
  while (i < end) {
    const c = text[i];
    if (isBlankChar(c)) {
      columns += c === '\t' ? 4 : 1;
      i++;
    } else if (c === '>') {
      markers++;
      if (tooDeep()) replace.push(i);
      columns++;
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && endsMarker(text[i + 1])) {
      markers++;
      if (tooDeep()) replace.push(i);
      columns++;
      i++;
    } else {
      let j = i;
      while (j < end && j - i < 9 && text[j] >= '0' && text[j] <= '9') j++;
      if (j === i || (text[j] !== '.' && text[j] !== ')') || !endsMarker(text[j + 1])) break;
      markers++;
      if (tooDeep()) for (let k = i; k <= j; k++) replace.push(k);
      columns += j + 1 - i;
      i = j + 1;
    }
  }
  // A code fence opener belongs to the structure, not to the inline content.
  if (text[i] === '`' || text[i] === '~') {
    let j = i;
    while (j < end && text[j] === text[i]) j++;
    if (j - i >= 3) i = j;
  }
  let blank = true;
  for (let k = start; k < end && blank; k++) if (!isBlankChar(text[k])) blank = false;
  return { start, end, prefixEnd: i, blank };
}

/** In a run of non-blank lines holding too many inline delimiters, replaces every delimiter after the prefixes. */
function defuseDenseParagraphs(text: string, lines: Line[], replace: number[]): void {
  let first = 0;
  while (first < lines.length) {
    if (lines[first].blank) {
      first++;
      continue;
    }
    let last = first;
    let count = 0;
    while (last < lines.length && !lines[last].blank) {
      for (let k = lines[last].prefixEnd; k < lines[last].end; k++) if (INLINE_MARKUP.has(text[k])) count++;
      last++;
    }
    if (count > MAX_INLINE_MARKUP) {
      for (let l = first; l < last; l++) {
        for (let k = lines[l].prefixEnd; k < lines[l].end; k++) if (INLINE_MARKUP.has(text[k])) replace.push(k);
      }
    }
    first = last;
  }
}

/** Documents up to about this size are parsed in one piece; larger ones in sections of about this size. */
export const MARKDOWN_SECTION_LENGTH = 10_000;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HTML_BLOCK_OPEN = /^ {0,3}<(!--|pre\b|script\b|style\b|textarea\b)/i;
const HTML_BLOCK_CLOSE: Record<string, RegExp> = { '!--': /-->/, pre: /<\/pre>/i, script: /<\/script>/i, style: /<\/style>/i, textarea: /<\/textarea>/i };
const LIST_ITEM_AT_MARGIN = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;

/**
 * Cuts a large document into sections that can be parsed separately: micromark's time grows faster than
 * the length of a long list or of many nested lists, so a 100 kB outline could take seconds. A cut is made
 * only where the parse cannot change: before a line at the left margin that follows a blank line or starts
 * a list item, never inside front matter, a fenced code block or a multi-line HTML block (comments carry
 * directives). The only visible difference: a reference link `[text][label]` whose definition lies in
 * another section is read as plain text.
 */
export function markdownSections(text: string, target = MARKDOWN_SECTION_LENGTH): { start: number; end: number }[] {
  if (text.length <= target) return [{ start: 0, end: text.length }];
  const sections: { start: number; end: number }[] = [];
  let sectionStart = 0;
  let fence: string | undefined;
  let htmlClose: RegExp | undefined;
  let frontMatter = /^---[ \t]*(?:\r?\n|\r)/.test(text);
  let previousBlank = false;
  let lineStart = 0;
  let first = true;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const next = text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? lineEnd + 2 : lineEnd + 1;
    const line = text.slice(lineStart, lineEnd);
    const inside = fence !== undefined || htmlClose !== undefined || frontMatter;
    const atMargin = line.length > 0 && line[0] !== ' ' && line[0] !== '\t';
    if (!inside && atMargin && lineStart - sectionStart >= target && (previousBlank || LIST_ITEM_AT_MARGIN.test(line))) {
      sections.push({ start: sectionStart, end: lineStart });
      sectionStart = lineStart;
    }
    if (frontMatter) {
      if (!first && /^(?:---|\.\.\.)[ \t]*$/.test(line)) frontMatter = false;
    } else if (fence !== undefined) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.slice(close[0].length).trim() === '') fence = undefined;
    } else if (htmlClose !== undefined) {
      if (htmlClose.test(line)) htmlClose = undefined;
    } else {
      const open = FENCE.exec(line);
      const html = HTML_BLOCK_OPEN.exec(line);
      if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) fence = open[1];
      else if (html) {
        const close = HTML_BLOCK_CLOSE[html[1].toLowerCase()];
        if (!close.test(line.slice(html[0].length))) htmlClose = close;
      }
    }
    previousBlank = line.trim() === '';
    first = false;
    lineStart = next;
  }
  sections.push({ start: sectionStart, end: text.length });
  return sections;
}

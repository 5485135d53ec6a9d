import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBytes, binaryReason, encodeText, type TextEncodingName } from '../../src/io/decode.js';
import { parseDocument } from '../../src/parse/index.js';
import { defuseMarkdown, markdownSections } from '../../src/parse/markdown-guard.js';
import { MAX_SEGMENT_LENGTH, segmentPieces } from '../../src/parse/segment.js';
import type { Document, Span } from '../../src/document/types.js';
import { recordText, runs, timeoutFor } from './support.js';

describe('decoding bytes', () => {
  it('never throws on arbitrary bytes, and says whether they are text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeBytes(bytes);
        expect(typeof decoded.text).toBe('string');
        expect(decoded.replaced).toBeGreaterThanOrEqual(0);
        const reason = binaryReason(bytes);
        expect(reason === undefined || typeof reason === 'string').toBe(true);
      }),
      { numRuns: runs(300) },
    );
  }, timeoutFor(300, 2));

  it('decodes what it encodes, in every encoding, with or without a mark', () => {
    const encodings: [TextEncodingName, boolean][] = [['utf-8', true], ['utf-16le', true], ['utf-16be', true], ['utf-8', false]];
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.constantFrom(...encodings), (text, [encoding, bom]) => {
        // Without a mark, text that starts with U+FEFF or is mostly NULs reads as something else, as it should.
        fc.pre(bom || (!text.startsWith('\ufeff') && !text.includes('\u0000')));
        const decoded = decodeBytes(encodeText(text, encoding, bom));
        expect(decoded).toEqual({ text, encoding, bom, replaced: 0 });
      }),
      { numRuns: runs(300) },
    );
  }, timeoutFor(300, 2));
});

/** Sentences as offsets and tokens, for comparing two parses. */
const shape = (doc: Document) => doc.sentences.map((s) => ({ span: s.span, tokens: s.tokens.map((t) => [t.span.start, t.span.end, t.normal]) }));

const sentences = (minLength: number, maxLength: number) =>
  fc
    .array(
      fc.tuple(
        fc.constantFrom('Mother is mixed race', 'the family was seen at home', 'Mr. Shah said "we are fine"', 'e.g. the school', 'she is hostile', 'non-engagement', 'refused'),
        fc.constantFrom('. ', ', ', ' and ', '! ', '? ', ' ', '; '),
        fc.boolean(),
      ),
      { minLength, maxLength },
    )
    .map((parts) => parts.map(([w, e, cap]) => (cap ? w[0].toUpperCase() + w.slice(1) : w) + e).join(''));

/** Words with no sentence end at all: a stretch the parser must cut at spaces. */
const run = fc.array(fc.constantFrom('mixed race ', 'the visit, ', 'hostile ', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', '"quoted words" '), { minLength: 300, maxLength: 900 }).map((w) => w.join(''));

/** One long line (one block): many sentences, sometimes with a long stretch without any sentence end. */
const LONG_LINE = fc.oneof(sentences(150, 900), fc.tuple(sentences(5, 60), run, sentences(5, 60)).map((parts) => parts.join('')));

describe('very long blocks are parsed in pieces without changing the result', () => {
  it('pieces cover the range exactly, in order, none longer than the limit', () => {
    fc.assert(
      fc.property(LONG_LINE, (text) => {
        const pieces = segmentPieces(text, { start: 0, end: text.length });
        expect(pieces[0].start).toBe(0);
        expect(pieces[pieces.length - 1].end).toBe(text.length);
        pieces.forEach((p, i) => {
          expect(p.end - p.start).toBeLessThanOrEqual(MAX_SEGMENT_LENGTH);
          expect(p.end).toBeGreaterThan(p.start);
          if (i > 0) expect(p.start).toBe(pieces[i - 1].end);
        });
      }),
      { numRuns: runs(40, 0.01) },
    );
  }, timeoutFor(40, 50, 0.01));

  it('every token is a word of the source at its offsets, and sentences do not overlap', () => {
    fc.assert(
      fc.property(LONG_LINE, (text) => {
        const doc = parseDocument(text);
        let previous = 0;
        for (const s of doc.sentences) {
          expect(s.span.start).toBeGreaterThanOrEqual(previous);
          previous = s.span.end;
          for (const t of s.tokens) {
            expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
            expect(t.span.start >= s.span.start && t.span.end <= s.span.end).toBe(true);
          }
        }
      }),
      { numRuns: runs(40, 0.01) },
    );
  }, timeoutFor(40, 200, 0.01));

  it('the batch pre-scan segments a candidate sentence of a long block exactly as the whole-block parse does', () => {
    fc.assert(
      fc.property(LONG_LINE, fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (text, picks) => {
        const words = [...text.matchAll(/\p{L}+/gu)].map((m): Span => ({ start: m.index, end: m.index + m[0].length }));
        const candidates = [...new Set(picks.map((p) => p % words.length))].sort((a, b) => a - b).map((i) => words[i]);
        const full = new Map(shape(parseDocument(text)).map((s) => [`${s.span.start}:${s.span.end}`, JSON.stringify(s.tokens)]));
        const partial = shape(parseDocument(text, { candidates: () => candidates }));
        expect(partial.length).toBeGreaterThan(0);
        for (const s of partial) expect(JSON.stringify(s.tokens), `sentence ${s.span.start}-${s.span.end}`).toBe(full.get(`${s.span.start}:${s.span.end}`));
      }),
      { numRuns: runs(40, 0.01) },
    );
  }, timeoutFor(40, 400, 0.01));
});

describe('the Markdown guard', () => {
  it('keeps length (so positions) and leaves small ordinary documents alone', () => {
    fc.assert(
      fc.property(recordText(120), (text) => {
        const { text: guarded } = defuseMarkdown(text);
        expect(guarded.length).toBe(text.length);
        const sections = markdownSections(guarded, 200);
        expect(sections[0].start).toBe(0);
        expect(sections[sections.length - 1].end).toBe(text.length);
        sections.forEach((s, i) => i > 0 && expect(s.start).toBe(sections[i - 1].end));
      }),
      { numRuns: runs(300) },
    );
    expect(defuseMarkdown('# Visit\n\n> Mother said *"we are fine"*.\n\n- [notes](x.md)\n  - `code`\n').defused).toBe(false);
  }, timeoutFor(300, 5));
});

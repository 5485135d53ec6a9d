import type { Document, Sentence, Span } from '../../src/document/types.js';
import { escapeChar, trieSource } from '../../src/terms/trie.js';
import { defineRule, type Edit, type RuleContext, type Suggestion } from '../../src/engine/rule.js';
import { loadTermsBeside } from '../../src/terms/compile.js';

/**
 * Abbreviations a family would not know (001 §1.9). Only the first unexplained use of each abbreviation in a
 * record is reported, with its expansion; a use written out first ('child in need (CIN)', 'CIN (child in
 * need)', 'CIN: child in need') explains every later one.
 */
export interface GlossaryEntry {
  id: string;
  expansion?: string;
  alternatives?: string[];
  key?: string;
  notNext?: string[];
  notPrev?: string[];
  person?: boolean;
  note?: string;
}

const ENTRY_KEYS = new Set(['id', 'expansion', 'alternatives', 'key', 'notNext', 'notPrev', 'person', 'note']);

/** Loads the glossary once, failing loudly on a malformed entry (a typo would silently lose an abbreviation). */
function loadGlossary(): Map<string, GlossaryEntry> {
  const entries = loadTermsBeside(import.meta.url, 'glossary.yml') as unknown as GlossaryEntry[];
  const glossary = new Map<string, GlossaryEntry>();
  for (const e of entries) {
    const unknownKey = Object.keys(e).find((k) => !ENTRY_KEYS.has(k));
    if (unknownKey) throw new Error(`jargon/glossary.yml: ${e.id}: unknown key "${unknownKey}"`);
    if (!e.expansion === !e.alternatives) throw new Error(`jargon/glossary.yml: ${e.id}: needs exactly one of expansion or alternatives`);
    if (glossary.has(e.id)) throw new Error(`jargon/glossary.yml: duplicate abbreviation ${e.id}`);
    glossary.set(e.id, e);
  }
  return glossary;
}

const BUILT_IN: ReadonlyMap<string, GlossaryEntry> = loadGlossary();

/**
 * Abbreviations families know, or that are names rather than jargon. The built-in glossary never lists them;
 * with the `unknown` option on, they are never guessed at either.
 */
const WELL_KNOWN = new Set([
  'UK', 'NHS', 'GP', 'GPs', 'BBC', 'OK', 'TV', 'ID', 'IT', 'PE', 'DBS', 'DWP', 'HMRC', 'MP', 'MPs', 'PC', 'PCSO', 'CCTV', 'GCSE',
  'GCSEs', 'ADHD', 'HIV', 'AIDS', 'COVID', 'ICU', 'MRI', 'CT', 'ECG', 'USA', 'US', 'EU', 'UN', 'PIN', 'SMS', 'PDF', 'DVD', 'CD',
  'ATM', 'DIY', 'FAQ', 'ASAP', 'AM', 'PM', 'BST', 'GMT', 'RSPCA', 'NSPCC', 'UCAS', 'BTEC', 'NVQ', 'ESOL', 'UC', 'PIP', 'ESA',
  'JSA', 'MOT', 'VAT', 'RAF', 'WhatsApp', 'CV', 'PS', 'NB', 'AKA', 'DOB', 'DoB', 'BAME', 'BME', 'BAMER', 'LGBT', 'LGBTQ',
  'LGBTQ+', 'IVF', 'A&E',
]);

const STOP_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'with', 'a', 'or', 'at', 'by']);
const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr']);
const PERSON_WORDS = new Set(['mother', 'mum', 'father', 'dad', 'child', 'son', 'daughter', 'grandmother', 'grandfather', 'carer', 'partner', 'brother', 'sister', 'aunt', 'uncle']);
const ROMAN = /^[IVXLCDM]+$/;

interface Occurrence {
  abbr: string;
  entry: GlossaryEntry;
  sentence: Sentence;
  token: number;
  /** The abbreviation itself. */
  span: Span;
  /** The whole word, with any ending ("DNA'd", "CPs"). */
  wordSpan: Span;
  inflected: boolean;
}

const glossaries = new Map<string, Map<string, GlossaryEntry>>();

/** The built-in glossary with the configured additions and removals (built once per configuration). */
function glossaryFor(options: Record<string, unknown>): Map<string, GlossaryEntry> {
  const key = JSON.stringify([options.glossary ?? {}, options.allow ?? []]);
  let glossary = glossaries.get(key);
  if (glossary) return glossary;
  glossary = new Map(BUILT_IN);
  const extra = (options.glossary ?? {}) as Record<string, string>;
  for (const [abbr, expansion] of Object.entries(extra)) glossary.set(abbr, { id: abbr, expansion });
  for (const abbr of (options.allow ?? []) as string[]) glossary.delete(abbr);
  glossaries.set(key, glossary);
  return glossary;
}

/** "CIN" → CIN; "CPs", "CIN's", "DNA'd" → the abbreviation with an ending. */
function baseForm(word: string, known: (w: string) => boolean): { abbr: string; inflected: boolean } | undefined {
  if (known(word)) return { abbr: word, inflected: false };
  for (const ending of [/['’]s$/, /s['’]?$/, /['’](?:d|ed|ing)$/, /['’]$/]) {
    const base = word.replace(ending, '');
    if (base !== word && base.length > 1 && known(base)) return { abbr: base, inflected: true };
  }
  return undefined;
}

/** Uppercase letters and digit runs of an abbreviation: "DoLS" → D L S, "S47" → S 47. */
function units(abbr: string): string[] {
  return abbr.match(/[A-Z]|\d+/g) ?? [];
}

/** Do the last words (before '(ABBR)') spell the abbreviation's initials, small words skipped? */
function initialsAtEnd(words: string[], abbr: string): boolean {
  const u = units(abbr).map((x) => x.toLowerCase());
  if (u.length < 2) return false;
  let k = u.length - 1;
  for (let w = words.length - 1; w >= 0 && k >= 0; w--) {
    const word = words[w];
    if (/^\d+$/.test(u[k]) ? word === u[k] : word.startsWith(u[k])) k--;
    else if (!STOP_WORDS.has(word)) return false;
  }
  return k < 0;
}

/** Do the first words (after 'ABBR (' or 'ABBR:') spell its initials? */
function initialsAtStart(words: string[], abbr: string): boolean {
  const u = units(abbr).map((x) => x.toLowerCase());
  if (u.length < 2) return false;
  let k = 0;
  for (let w = 0; w < words.length && k < u.length; w++) {
    const word = words[w];
    if (/^\d+$/.test(u[k]) ? word === u[k] : word.startsWith(u[k])) k++;
    else if (k === 0 || !STOP_WORDS.has(word)) return false;
  }
  return k === u.length;
}

const normalise = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Do the words contain the abbreviation's expansion, key words or one of its meanings? */
function containsMeaning(words: string[], entry: GlossaryEntry): boolean {
  const text = ` ${normalise(words.join(' '))} `;
  const meanings = [entry.key, entry.expansion, ...(entry.alternatives ?? [])].filter((m): m is string => !!m);
  return meanings.some((m) => text.includes(` ${normalise(m)} `));
}

function partWords(s: Sentence, from: number, to: number): string[] {
  return s.tokens.slice(Math.max(0, from), Math.max(0, to)).flatMap((t) => t.parts.map((p) => p.normal));
}

/** 'child in need (CIN)', 'CIN (child in need)', 'CIN: child in need', 'CIN – child in need', 'CIN, a child in need plan,'. */
function isExplainedHere(doc: Document, o: Occurrence): boolean {
  const { sentence: s, token: k } = o;
  const before = doc.text.slice(s.tokens[k - 1]?.span.end ?? s.span.start, o.wordSpan.start);
  const after = doc.text.slice(o.wordSpan.end, s.tokens[k + 1]?.span.start ?? s.span.end);
  if (/\(\s*$/.test(before)) {
    // Words right before the bracket, stopping at a colon or an earlier bracket.
    let from = k - 1;
    while (from > 0 && k - from < 12 && !/[:;()]/.test(doc.text.slice(s.tokens[from - 1].span.end, s.tokens[from].span.start))) from--;
    const words = partWords(s, from, k);
    if (containsMeaning(words, o.entry) || initialsAtEnd(words, o.abbr)) return true;
  }
  if (/^\s*(?:\(|:|[-–—=]\s|,)/.test(after)) {
    // Words after the bracket, colon or comma, up to the closing bracket or the end of the clause.
    let to = k + 2;
    while (to < s.tokens.length && to - k < 12 && !/[)(;:.,]/.test(doc.text.slice(s.tokens[to - 1].span.end, s.tokens[to].span.start))) to++;
    const words = partWords(s, k + 1, to);
    // After a comma only the meaning itself explains ('the LADO, the local authority designated officer,').
    if (containsMeaning(words, o.entry) || (!/^\s*,/.test(after) && initialsAtStart(words, o.abbr))) return true;
  }
  return false;
}

/**
 * Words that make a phrase part of the name of a law or a body: 'Mental Health Act', 'Children Act', 'Mental
 * Health Tribunal'. Meeting the name does not tell a reader what 'MH' stands for.
 */
const NAME_HEADS = /^\s+(?:Act|Acts|Bill|Order|Regulations|Rules|Code|Tribunal|Trust|Court|Commission|Foundation)\b/;

/**
 * Where a phrase is first written in the document ('child in need', any spacing, case or hyphens), or Infinity;
 * uses inside the name of a law or body ('the Mental Health Act') do not count.
 */
function firstWritten(doc: Document, phrase: string, cache: Map<string, number>): number {
  let at = cache.get(phrase);
  if (at === undefined) {
    const words = normalise(phrase).split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${words.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'giu');
    at = Infinity;
    for (const m of doc.text.matchAll(pattern)) {
      if (NAME_HEADS.test(doc.text.slice(m.index + m[0].length, m.index + m[0].length + 16))) continue;
      at = m.index;
      break;
    }
    cache.set(phrase, at);
  }
  return at;
}

/**
 * 'Review of the child in need plan … The CIN plan was agreed': the words were written out earlier in the
 * record, so the reader has met them before the abbreviation.
 */
function isExpandedBefore(doc: Document, o: Occurrence, cache: Map<string, number>): boolean {
  const meanings = [o.entry.key, o.entry.expansion, ...(o.entry.alternatives ?? [])].filter((m): m is string => !!m && /\s/.test(m));
  return meanings.some((m) => firstWritten(doc, m, cache) < o.wordSpan.start);
}

/** 'Ms MH', 'Mother (MH)': somebody's initials, not an abbreviation. */
function isInitials(doc: Document, o: Occurrence): boolean {
  const { sentence: s, token: k } = o;
  const prev = s.tokens[k - 1];
  if (prev && TITLES.has(prev.text.replace(/\.$/, ''))) return true;
  const before = doc.text.slice(prev?.span.end ?? s.span.start, o.wordSpan.start);
  const after = doc.text.slice(o.wordSpan.end, o.wordSpan.end + 2);
  if (!/\(\s*$/.test(before) || !/^\s*\)/.test(after) || prev === undefined) return false;
  if (PERSON_WORDS.has(prev.normal)) return true;
  // 'Kofi Mensah (KM)' are initials; 'Ms Brown (SW)' is her role: initials end with the surname's first letter.
  return /^\p{Lu}\p{Ll}/u.test(prev.text) && o.abbr.endsWith(prev.text[0]);
}

/** A line written in capitals ('NOTE: DO NOT SEND') is shouting or a heading, not a list of abbreviations. */
function isShouted(s: Sentence): boolean {
  const words = s.tokens.filter((t) => /\p{L}{2,}/u.test(t.text));
  return words.length >= 3 && words.every((t) => t.text === t.text.toUpperCase());
}

/** 'S.47' → S47, 's.17' → s17, 'C.I.N.' → CIN: abbreviations written with full stops. */
function undotted(word: string): string {
  return /^(?:\p{L}\.)+\p{L}?\.?$|^\p{L}\.\d+$/u.test(word) ? word.replace(/\./g, '') : word;
}

function occurrences(
  doc: Document,
  known: (w: string) => boolean,
  listed: (w: string) => boolean,
  entryOf: (abbr: string) => GlossaryEntry,
): Occurrence[] {
  const found: Occurrence[] = [];
  for (const s of doc.sentences) {
    if (isShouted(s)) continue;
    s.tokens.forEach((token, k) => {
      for (const part of token.parts) {
        const written = doc.text.slice(part.span.start, part.span.end);
        // A dotted form counts only when the glossary lists it ('S.47'), never as a guess ('A.B.' initials).
        const word = listed(undotted(written)) ? undotted(written) : written;
        // Abbreviations are capitalised; a few are written in lower case ('s47') and are listed so.
        if (!/^\p{Lu}/u.test(word) && !known(word)) continue;
        const base = baseForm(word, known);
        if (!base) continue;
        const entry = entryOf(base.abbr);
        const next = s.tokens[k + 1];
        const prev = s.tokens[k - 1];
        if (next && entry.notNext?.some((w) => w.toLowerCase() === next.normal)) continue;
        if (prev && entry.notPrev?.some((w) => w.toLowerCase() === prev.normal)) continue;
        found.push({
          abbr: base.abbr,
          entry,
          sentence: s,
          token: k,
          // 'S.47', 'C.I.N.': the whole written form is replaced.
          span: written === word ? { start: part.span.start, end: part.span.start + base.abbr.length } : part.span,
          wordSpan: token.parts.length > 1 ? part.span : token.span,
          inflected: base.inflected,
        });
      }
    });
  }
  return found;
}

/** Capitalise the expansion when the abbreviation starts its sentence. */
function atSentenceStart(o: Occurrence, text: string): string {
  return o.token === 0 && o.span.start === o.sentence.tokens[0].span.start ? text[0].toUpperCase() + text.slice(1) : text;
}

/**
 * Replaces the abbreviation with `text`, mending the article before it: 'an S17 assessment' becomes
 * 'a section 17 … (S17) assessment', 'a UASC referral' becomes 'an unaccompanied … (UASC) referral'.
 */
function expandEdit(ctx: RuleContext, doc: Document, o: Occurrence, text: string): Edit {
  const prev = o.sentence.tokens[o.token - 1];
  if (prev && /^an?$/i.test(prev.text) && /^\s+$/.test(doc.text.slice(prev.span.end, o.span.start))) {
    const article = /^[aeiou]/i.test(text) ? 'an' : 'a';
    const cased = prev.text[0] === prev.text[0].toUpperCase() ? article[0].toUpperCase() + article.slice(1) : article;
    if (cased !== prev.text) return ctx.replace({ start: prev.span.start, end: o.span.end }, `${cased} ${text}`);
  }
  return ctx.replace(o.span, text);
}

function report(ctx: RuleContext, doc: Document, o: Occurrence, unknown: boolean): void {
  // Abbreviations that label people ('the YP', 'a UASC') are better replaced by the person's name.
  const advice = o.entry.note ?? (o.entry.person ? 'It labels a person: use their name.' : '');
  const note = advice ? ` ${advice}` : '';
  if (unknown) {
    ctx.report({ messageId: 'unknown', span: o.wordSpan, data: { abbr: o.abbr }, severity: 'info' });
    return;
  }
  if (o.entry.alternatives?.length) {
    const suggest: Suggestion[] = o.inflected
      ? []
      : o.entry.alternatives.map((alt) => {
          const text = atSentenceStart(o, `${alt} (${o.abbr})`);
          return { desc: `Write “${text}”`, edit: expandEdit(ctx, doc, o, text) };
        });
    ctx.report({ messageId: 'ambiguous', span: o.wordSpan, data: { abbr: o.abbr, expansions: o.entry.alternatives.map((a) => `“${a}”`).join(' or '), note }, suggest });
    return;
  }
  const expansion = o.entry.expansion ?? '';
  const data = { abbr: o.abbr, expansion, note };
  if (o.inflected) {
    ctx.report({ messageId: 'unexplained', span: o.wordSpan, data });
    return;
  }
  // '(SW)' alone in brackets becomes '(social worker)', not a bracket inside a bracket.
  const bracketed = /\(\s*$/.test(doc.text.slice(0, o.span.start)) && /^\s*\)/.test(doc.text.slice(o.span.end));
  const written = atSentenceStart(o, bracketed ? expansion : `${expansion} (${o.abbr})`);
  const edit = expandEdit(ctx, doc, o, written);
  ctx.report({
    messageId: 'unexplained',
    span: o.wordSpan,
    data,
    fix: edit,
    suggest: [
      { desc: `Write “${written}”`, edit },
      ...(bracketed ? [] : [{ desc: `Write “${atSentenceStart(o, expansion)}”`, edit: expandEdit(ctx, doc, o, atSentenceStart(o, expansion)) }]),
    ],
  });
}

const UNKNOWN_SHAPE = /^[A-Z]{2,6}$/;

/**
 * For the batch pre-scan: the glossary's abbreviations as written (case-sensitive), each letter optionally
 * followed by a full stop ('C.I.N.'), with any ending ('CINs'); with `unknown` on, also any capitalised word
 * shaped like an abbreviation.
 */
function triggerPattern(options: Record<string, unknown>): string {
  const glossary = `\\b${trieSource([...glossaryFor(options).keys()], (ch) => `${escapeChar(ch)}\\.?`)}`;
  return options.unknown === true ? `${glossary}|\\b[A-Z][A-Za-z&]*[A-Z]` : glossary;
}

function check(doc: Document, ctx: RuleContext): void {
  const glossary = glossaryFor(ctx.options);
  const allowed = new Set((ctx.options.allow ?? []) as string[]);
  const guessUnknown = ctx.options.unknown === true;
  const isUnknown = (w: string) => guessUnknown && UNKNOWN_SHAPE.test(w) && !ROMAN.test(w) && !WELL_KNOWN.has(w) && !allowed.has(w);
  const known = (w: string) => glossary.has(w) || isUnknown(w);
  const entryOf = (abbr: string) => glossary.get(abbr) ?? { id: abbr };

  const seen = new Set<string>();
  const written = new Map<string, number>();
  for (const o of occurrences(doc, known, (w) => glossary.has(w), entryOf)) {
    if (seen.has(o.abbr)) continue;
    if (isExplainedHere(doc, o) || isExpandedBefore(doc, o, written)) {
      seen.add(o.abbr);
      continue;
    }
    // Quoted words are somebody's own (the engine would exempt them); the first use that counts is outside quotes.
    if (ctx.quoteAt(o.wordSpan)) continue;
    if (isInitials(doc, o)) continue;
    seen.add(o.abbr);
    report(ctx, doc, o, !glossary.has(o.abbr));
  }
}

export default defineRule({
  meta: {
    id: 'jargon',
    category: 'clear-recording',
    severity: 'warning',
    standards: [{ doc: '001_131b8ae94af47271.txt', clause: '1.9' }],
    fix: 'safe',
    needs: ['sentences', 'quotes'],
    messages: {
      unexplained: '“{abbr}” is not explained: a family may not know it means “{expansion}”. Write it out the first time it is used.{note}',
      ambiguous: '“{abbr}” is not explained and can mean {expansions}: write out the one you mean the first time it is used.{note}',
      unknown: '“{abbr}” looks like an abbreviation that is not explained: write it out the first time it is used.',
    },
    triggers: (options) => ({ pattern: triggerPattern(options) }),
    options: {
      glossary: { type: 'object', default: {}, description: 'Extra abbreviations and their expansions, e.g. { "RAS": "resource allocation system" }.' },
      allow: { type: 'string[]', default: [], description: 'Abbreviations never to report (known to the people you write for).' },
      unknown: {
        type: 'boolean',
        default: false,
        description: 'Also report, as info, capitalised words of 2–6 letters that look like abbreviations but are not in the glossary.',
      },
    },
    docs: {
      summary: 'Explain abbreviations a family would not know on first use.',
      rationale:
        "Standard 1.9 says professional jargon and abbreviations disempower families, and more so families who experience racism and are already disempowered by our systems; we use clear, straightforward language with and about people. The rule knows the common abbreviations of UK children's and adult social care (LAC, CIN, ICPC, S47, NFA, DNA, PLO, SGO, CAMHS, IDVA …) and reports the first use of each that is not written out, offering 'child in need (CIN)' as a fix. Once an abbreviation is explained ('child in need (CIN)', 'CIN (child in need)', or in a heading), later uses are fine. Abbreviations with more than one common meaning (NFA, TA, HV) get suggestions, not a fix. Everyday abbreviations such as UK, NHS, GP and A&E are not reported; add your own with the `glossary` and `allow` options.",
      examples: {
        bad: ['The CIN plan will be reviewed next month.', 'Mum DNA’d the last two appointments.', 'Ms Reid was offered support from the IDVA service.'],
        good: [
          'The child in need (CIN) plan will be reviewed next month; the CIN review is on 3 May.',
          'Police have taken DNA samples from the door handle.',
          'Your GP can refer you to the NHS clinic.',
        ],
      },
    },
  },
  check,
});

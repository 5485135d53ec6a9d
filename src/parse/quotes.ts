import type { Block, Quote, QuoteKind, Sentence, Span } from '../document/types.js';

/**
 * Finds quotation spans in a block and decides whose words they are. Straight and curly, double and single
 * marks are recognised; a straight single quote only counts when it cannot be an apostrophe.
 */

const MAX_QUOTE_LENGTH = 1200;
/** How far back the cues before a quotation are looked for; bounds the work on a very long sentence. */
const MAX_CONTEXT_BEFORE = 600;

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const isSpaceOrStart = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013/:;,"“‘-]/.test(c);

interface Mark {
  open: string[];
  close: string[];
}
const DOUBLE: Mark = { open: ['"', '\u201c', '\u201e', '\u00ab'], close: ['"', '\u201d', '\u00bb'] };
const SINGLE: Mark = { open: ["'", '\u2018'], close: ["'", '\u2019'] };

function canOpen(text: string, i: number, mark: Mark): boolean {
  const c = text[i];
  if (!mark.open.includes(c)) return false;
  if (c === "'" || c === '"') return isSpaceOrStart(text[i - 1]) && text[i + 1] !== undefined && !/\s/.test(text[i + 1]);
  return true;
}

function canClose(text: string, i: number, mark: Mark): boolean {
  const c = text[i];
  if (!mark.close.includes(c)) return false;
  if (c === "'" || c === '\u2019') return !/\s/.test(text[i - 1] ?? ' ') && !isWordChar(text[i + 1]);
  return !/\s/.test(text[i - 1] ?? ' ') || c !== '"';
}

/**
 * Pairs quotation marks of one family within [start, end) of the prose text. Whether a mark can close does
 * not depend on the opener, so the search for the next closer only ever moves forward: linear time even on
 * a long line of unmatched openers.
 */
function pairMarks(prose: string, start: number, end: number, mark: Mark): Span[] {
  const spans: Span[] = [];
  let closer = start;
  const nextCloser = (from: number) => {
    if (closer < from) closer = from;
    while (closer < end && !canClose(prose, closer, mark)) closer++;
    return closer;
  };
  let i = start;
  while (i < end) {
    if (canOpen(prose, i, mark)) {
      const j = nextCloser(i + 1);
      if (j < Math.min(end, i + MAX_QUOTE_LENGTH)) {
        spans.push({ start: i, end: j + 1 });
        i = j + 1;
        continue;
      }
    }
    i++;
  }
  return spans;
}

const SELF_BEFORE =
  /\b(?:describ(?:e|es|ed|ing)|call(?:s|ed|ing)?|identif(?:y|ies|ied|ying)|refer(?:s|red|ring)? to|see(?:s)?|think(?:s)? of|regard(?:s|ed)?)\s+(?:herself|himself|themselves|themself|myself|ourselves|yourself)\s*(?:as)?\s*[:,]?\s*$|\b(?:self-identif(?:y|ies|ied)|identif(?:y|ies|ied)) as\s*[:,]?\s*$|\bin (?:her|his|their|my|our) own words\s*[:,]?\s*$/i;

const MENTION_BEFORE =
  /\b(?:the|a|this|that|these|those|such|any|his|her|their|its)?\s*(?:terms?|words?|phrases?|labels?|expressions?|descriptions?|wording|language|acronyms?|abbreviations?)\s*(?:such as|like|of|including|e\.g\.)?\s*[:,]?\s*(?:(?:'[^']*'|"[^"]*"|‘[^’]*’|“[^”]*”)\s*(?:,|or|and)\s*)*$|\b(?:such as|for example|e\.g\.|like)\s*(?:(?:'[^']*'|"[^"]*"|‘[^’]*’|“[^”]*”)\s*(?:,|or|and)\s*)*$|\b(?:calls?|called|calling|labelled|labels|labelling|branded|brands|termed|dubbed|chose|chosen|chooses|uses?|used|using|write|writes|wrote|say|says|instead of|rather than|not|no longer use|avoid|replace|replaced)\s+(?:(?:him|her|them|it|us|me|the\s+\w+(?:\s+\w+)?|\w+)\s+)?(?:as\s+)?$|\b(?:file|record|entry|form|report|notes?|list)\s+(?:says?|said|describes?|described|calls?|called|records?|recorded|lists?|listed)\s+(?:\w+\s+){0,3}$/i;

const MENTION_AFTER =
  /^\s*(?:rather than|instead of|is|was|are|were)\s+(?:no longer|not|outdated|offensive|removed|replaced|wrong)|^\s*(?:from|on) (?:an? |the )?(?:old |outdated )?(?:list|form|drop-down|menu)/i;
/** A list of quoted words with no other cue is most often a list of terms: "'BAME', 'BME' or 'ethnic minority'". */
const LIST_AFTER = /^\s*(?:,|or|and)\s*(?:'|"|‘|“)/;

const SPEECH_VERB =
  '(?:said|says|say|told|tells|tell|wrote|writes|write|explained|explains|replied|replies|stated|states|state|shouted|shouts|asked|asks|added|adds|disclosed|discloses|reported|reports|commented|comments|described|describes|screamed|yelled|called out|messaged|texted|recorded|noted|notes|remarked|exclaimed|continued|answered|wrote down)';

/** 'She said: "…"', 'He told me "…"': the quote is somebody's own words. */
const SPEECH_DIRECT = new RegExp(`\\b${SPEECH_VERB}(?:\\s+(?:me|us|her|him|them|staff|the \\w+|his \\w+|her \\w+|their \\w+|officers|police))?\\s*(?:that\\s*)?[:,]?\\s*$`, 'i');
/** '"…," she said': attribution after the quote. */
const SPEECH_AFTER = new RegExp(`^\\s*[,.!?]?\\s*(?:(?:she|he|they|i|we|[A-Z][\\w'-]*(?:\\s+[A-Z][\\w'-]*)?|(?:the|her|his|their)\\s+\\w+)\\s+${SPEECH_VERB}|${SPEECH_VERB}\\s+(?:she|he|they|[A-Z]\\w*))\\b`);
/** 'the teacher said he was "aggressive"': a speech verb earlier in the sentence, a clause between. */
const SPEECH_EARLIER = new RegExp(`(?:^|[^\\w])((?:(?:the|his|her|their|a|an|my)\\s+)?[\\w'-]+(?:\\s+[\\w'-]+){0,2})\\s+${SPEECH_VERB}\\b`, 'gi');
const FIRST_PERSON = /(?:^|[^\w'])(?:i|i'm|i've|i'd|me|my|mine|we|us|our|myself)(?:[^\w']|$)/i;

/** The speaker of the speech verb nearest the quote: 'Mrs Ivy Johnson said', 'the teacher wrote'. */
function speakerBefore(before: string): string | undefined {
  const matches = [...before.matchAll(SPEECH_EARLIER)];
  if (matches.length === 0) return undefined;
  return cleanSpeaker(matches[matches.length - 1][1]) ?? '';
}

const SPEAKER_START = /^(?:the|his|her|their|a|an|my|our|i|he|she|they|we|staff|police|officers)$/i;

/** Drops words that cannot begin a speaker's name ('worries Ollie' → 'Ollie', "reach' and" → none). */
function cleanSpeaker(raw: string): string | undefined {
  const words = raw.trim().split(/\s+/);
  while (words.length && (/['"‘’“”]/.test(words[0]) || !(SPEAKER_START.test(words[0]) || /^\p{Lu}/u.test(words[0])))) words.shift();
  return words.length ? words.join(' ') : undefined;
}

function speakerField(speaker: string | undefined): { speaker?: string } {
  return speaker ? { speaker } : {};
}

/**
 * An instruction to rewrite the wording: '… and rewrite them to describe what was said', 'must be reworded',
 * 'replace these labels'. Words described in such a sentence are the wording under review, not a description.
 */
const REWRITE_INSTRUCTION =
  /\b(?:rewrit(?:e|es|ing)|rewor(?:d|ds|ding)|rephras(?:e|es|ing)|replac(?:e|es|ing)|remov(?:e|es|ing)|amend(?:s|ing)?|correct(?:s|ing)?|challeng(?:e|es|ing))\s+(?:them|it|these|those|this|such|each|every|any|the (?:words?|labels?|terms?|entries|entry|records?|notes?|descriptions?|wording|language|phrases?))\b|\b(?:be|been|are|is|were|was)\s+(?:rewritten|reworded|rephrased|replaced|removed|amended|corrected|challenged)\b/i;
/** The word is the complement of a labelling verb: 'described as', 'describe parents as', 'called'. */
const LABELLED_AS = /\b(?:describ|call|label|record|refer|brand|portray|characteri[sz]|writ|term)\w*\s+(?:[\w'-]+\s+){0,3}(?:as\s+)?(?:(?:'[^']*'|"[^"]*"|‘[^’]*’|“[^”]*”|[\w'-]+)\s*(?:,|or|and)\s+){0,3}$/i;

/** 'Records that describe parents as aggressive must be rewritten': wording under review, not a description. */
function isWordingUnderReview(before: string, after: string): boolean {
  return LABELLED_AS.test(before) && REWRITE_INSTRUCTION.test(after);
}

/**
 * Decides whose words a quotation holds from the words of its sentence before and after it.
 */
export function classifyQuote(before: string, inner: string, after: string): { kind: QuoteKind; speaker?: string } {
  if (SELF_BEFORE.test(before)) return { kind: 'self-description' };
  if (MENTION_BEFORE.test(before) || MENTION_AFTER.test(after)) return { kind: 'mention' };
  if (isWordingUnderReview(before, after) || LABELLING_ADVICE_BEFORE.test(before)) return { kind: 'mention' };
  if (SPEECH_DIRECT.test(before)) return { kind: 'speech', ...speakerField(speakerBefore(before)) };
  if (SPEECH_AFTER.test(after)) return { kind: 'speech' };
  const earlier = speakerBefore(before);
  if (earlier !== undefined) {
    if (FIRST_PERSON.test(inner)) return { kind: 'speech', ...speakerField(earlier) };
    return { kind: 'third-party-label', ...speakerField(earlier) };
  }
  // Quoted first-person words are somebody's speech even without a verb ('She was upset: "I want to go home"').
  if (FIRST_PERSON.test(inner) && inner.split(/\s+/).length > 2) return { kind: 'speech' };
  if (LIST_AFTER.test(after)) return { kind: 'mention' };
  return { kind: 'unattributed' };
}

/**
 * Every pair of quotation marks in [start, end) before straddling pairs are dropped. The batch pre-scan never
 * cuts a block inside one of these, so pairing a window gives the same quotations as pairing the whole block.
 */
export function quoteMarkPairs(prose: string, start: number, end: number): Span[] {
  return [...pairMarks(prose, start, end, DOUBLE), ...pairMarks(prose, start, end, SINGLE)];
}

/**
 * Finds and classifies every quotation in a block, or in `range` of it (a pre-scan window: see partial.ts).
 * Classification always reads the block's own bounds.
 */
export function findQuotes(prose: string, block: Block, range: Span = block.span): Quote[] {
  const { start, end } = block.span;
  const spans = quoteMarkPairs(prose, range.start, range.end);
  // Keep single-quote spans that sit wholly inside or wholly outside double-quote spans (no straddling).
  // Spans come in order of start, and the accepted ones nest, so only the innermost accepted span still
  // open at s.start can be straddled (a stack keeps this linear).
  const accepted: Span[] = [];
  const open: Span[] = [];
  for (const s of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
    while (open.length && open[open.length - 1].end <= s.start) open.pop();
    const innermost = open[open.length - 1];
    if (innermost && s.start > innermost.start && s.end > innermost.end) continue;
    accepted.push(s);
    open.push(s);
  }
  let sentenceIndex = 0;
  const quotes = accepted.map((span) => {
    // Accepted spans are in order of start, so the sentence search resumes where the last one stopped.
    while (sentenceIndex < block.sentences.length && block.sentences[sentenceIndex].span.end <= span.start) sentenceIndex++;
    const candidate = block.sentences[sentenceIndex];
    const sentence = candidate && candidate.span.start <= span.start ? candidate : undefined;
    const from = Math.max(sentence ? Math.min(sentence.span.start, span.start) : start, span.start - MAX_CONTEXT_BEFORE);
    const to = sentence ? Math.max(sentence.span.end, span.end) : end;
    const inner = { start: span.start + 1, end: span.end - 1 };
    // Attribution may sit in the previous sentence of the block ('She said:' ends one sentence in some parsers).
    const before = prose.slice(from, span.start);
    const after = prose.slice(span.end, Math.min(end, Math.max(to, span.end + 60)));
    const { kind, speaker } = classifyQuote(before, prose.slice(inner.start, inner.end), after);
    return { span, inner, kind, ...(speaker ? { speaker } : {}) } as Quote;
  });
  return inheritListKinds(prose, quotes);
}

const LIST_JOIN = /^\s*(?:,|\/|or|and|nor|,\s*(?:or|and))\s*$/i;

/**
 * Quotes in a list share the first one's standing: in "labels such as 'uncooperative' or 'hostile'" and "calls
 * him 'loud', 'rude' and 'aggressive'", the cue before the first quote covers them all.
 */
function inheritListKinds(prose: string, quotes: Quote[]): Quote[] {
  const ordered = [...quotes].sort((a, b) => a.span.start - b.span.start);
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1];
    const current = ordered[i];
    if (previous.span.end > current.span.start) continue;
    if (!LIST_JOIN.test(prose.slice(previous.span.end, current.span.start))) continue;
    if (previous.kind === 'unattributed') continue;
    current.kind = previous.kind;
    if (previous.speaker) current.speaker = previous.speaker;
    else delete current.speaker;
  }
  return quotes;
}

const TERM_WORD = '(?:terms?|words?|labels?|phrases?|expressions?|acronyms?|abbreviations?|descriptions?|descriptors?|wording)';
/** 'the term BAME', 'labels such as aggressive', 'we no longer use BAME': a word discussed without quotation marks. */
const UNQUOTED_MENTION_BEFORE = new RegExp(
  `\\b${TERM_WORD}\\s*(?:such as|like|including|e\\.g\\.|of|:)?\\s*[:,]?\\s*(?:[\\w'-]+(?:\\s+[\\w'-]+){0,3}\\s*(?:,|and|or|, and|, or)\\s+){0,4}$|\\b(?:no longer use[sd]?|stop(?:ped)? using|avoid(?:s|ed|ing)?(?: using)?|do not use|does not use|don't use|doesn't use|not to use|rather than|instead of|replac(?:e|es|ed|ing))\\s+(?:the\\s+)?(?:${TERM_WORD}\\s+)?(?:[\\w'-]+\\s*(?:,|and|or|, and|, or)\\s+){0,4}$`,
  'i',
);
/** Advice about labelling: "do not describe parents as aggressive", "avoid calling a family hard to reach". */
const LABELLING_ADVICE_BEFORE =
  /\b(?:not|never|n't|no longer|avoid(?:s|ed|ing)?|stop(?:ped)?|instead of|rather than)\s+(?:to\s+)?(?:label(?:s|led|ling)?|describ(?:e|es|ed|ing)|call(?:s|ed|ing)?|refer(?:ring)? to|record(?:s|ed|ing)?|writ(?:e|es|ing))\s+(?:\w+\s+){0,4}(?:as\s+)?(?:[\w'-]+\s*(?:,|or|and|, or|, and)\s+){0,4}$/i;
const UNQUOTED_MENTION_AFTER = /^\s*(?:\(|,)?\s*(?:is|was|are|were)\s+(?:an?\s+)?(?:outdated|offensive|unhelpful|inappropriate|no longer (?:used|acceptable)|not (?:used|acceptable|appropriate))\b|^\s+(?:is|was) (?:a|an|the) (?:term|word|label|phrase)\b/i;

/** 'She describes herself as a woman of colour': the person's own description, without quotation marks (001 §2.2). */
export function isUnquotedSelfDescription(source: string, hit: { sentence: Sentence; span: Span }): boolean {
  const before = source.slice(hit.sentence.span.start, hit.span.start);
  return SELF_BEFORE.test(before.replace(/\b(?:an?|the)\s+$/i, ''));
}

/**
 * True when a word is discussed rather than used although it is not in quotation marks:
 * "we no longer use the term BAME", "labels such as aggressive", "BAME is an outdated term".
 */
export function isUnquotedMention(source: string, hit: { sentence: Sentence; span: Span }): boolean {
  const before = source.slice(hit.sentence.span.start, hit.span.start);
  const after = source.slice(hit.span.end, hit.sentence.span.end);
  return UNQUOTED_MENTION_BEFORE.test(before) || LABELLING_ADVICE_BEFORE.test(before) || UNQUOTED_MENTION_AFTER.test(after) || isWordingUnderReview(before, after);
}

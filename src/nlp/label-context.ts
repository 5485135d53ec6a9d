import type { TermHit } from '../terms/compile.js';

/**
 * Small context tests shared by the label rules (trigger-label, deficit-framing, race-for-ethnicity): is the
 * matched word part of a larger compound, negated, and what text precedes it in its sentence.
 */

/** The sentence text before the hit. */
export function wordsBefore(source: string, hit: TermHit): string {
  return source.slice(hit.sentence.span.start, hit.span.start);
}

/** The sentence text after the hit. */
export function wordsAfter(source: string, hit: TermHit): string {
  return source.slice(hit.span.end, hit.sentence.span.end);
}

/**
 * True when the hit covers only some parts of a hyphenated word: 'life-threatening', 'non-aggressive',
 * 'water-resistant'. `allowedPrefixes` lists first parts that keep the meaning ('service-resistant').
 */
export function isInsideCompound(hit: TermHit, allowedPrefixes: readonly string[] = []): boolean {
  const first = hit.sentence.tokens[hit.first];
  const last = hit.sentence.tokens[hit.last];
  const startsInside = first.span.start < hit.span.start;
  const endsInside = last.span.end > hit.span.end;
  if (endsInside) return true;
  if (!startsInside) return false;
  const prefix = first.parts.find((p) => p.span.end <= hit.span.start);
  return !(prefix && allowedPrefixes.includes(prefix.normal));
}

const NEGATION = new Set(['not', "n't", 'never', 'no', 'nor', 'neither']);
const NEGATION_FILLERS = new Set(['at', 'all', 'been', 'be', 'being', 'appear', 'seem', 'become', 'as', 'so', 'too', 'very', 'particularly', 'overly',
  'in', 'any', 'way', 'of', 'about', 'sign', 'signs', 'evidence', 'history', 'concern', 'concerns', 'indication', 'indications', 'report', 'reports', 'incidents']);

/** 'There is no evidence that Dad is volatile': a claim the sentence says there is nothing to support. */
const UNSUPPORTED_CLAIM =
  /\b(?:no|not any|never any|without any|nor any)\s+(?:\w+\s+)?(?:evidence|concerns?|indications?|suggestions?|reports?|signs?|record|basis|reason to (?:think|believe))\s+(?:to (?:suggest|show|indicate) )?that\s+(?:[\w'’-]+\s+){0,5}$/i;

/** 'was not aggressive', 'never rude', 'did not seem hostile': the behaviour is recorded as absent. */
export function isNegated(hit: TermHit, source?: string): boolean {
  if (source !== undefined && UNSUPPORTED_CLAIM.test(wordsBefore(source, hit))) return true;
  const tokens = hit.sentence.tokens;
  for (let i = hit.first - 1, steps = 0; i >= 0 && steps < 4; i--, steps++) {
    const w = tokens[i].normal;
    if (NEGATION.has(w) || /n't$/.test(w)) return true;
    if (!NEGATION_FILLERS.has(w)) return false;
  }
  return false;
}

import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sentence, Span, Token } from '../document/types.js';
import { COMMON_WORDS } from './common-words.js';
import { readYamlData } from './yaml-data.js';

/**
 * Term lists are data (`rules/<id>/terms.yml`), compiled once into token-sequence matchers.
 *
 * Pattern syntax, one phrase per string, words separated by spaces:
 *   - `a|b|c`   one word, any of these
 *   - `word?`   optional word
 *   - `*`       any one word
 *   - a word written in capitals (`BAME`) matches only in capitals; other words ignore case
 *   - a hyphen splits words: `mixed-race` and `mixed race` are the same phrase and match both spellings.
 */
export interface TermEntry {
  id: string;
  match: string[];
  /** Preferred wordings, offered as suggestions. */
  suggest?: string[];
  /** A direct replacement the standard gives: offered as a safe fix. */
  fix?: string;
  note?: string;
  source?: string;
  severity?: 'error' | 'warning' | 'info';
  /** Free-form data a rule's check may read (e.g. `scope: child`). */
  [key: string]: unknown;
}

export interface TermHit {
  term: TermEntry;
  sentence: Sentence;
  span: Span;
  /** Matched text exactly as written in the source. */
  text: string;
  /** Index in `sentence.tokens` of the first and last matched token. */
  first: number;
  last: number;
}

interface Atom {
  normal: string;
  span: Span;
  token: number;
}

type WordTest = { any: true } | { any: false; words: Set<string>; exactCase: boolean };

interface CompiledPhrase {
  term: TermEntry;
  words: WordTest[];
}

const isCapitalised = (w: string) => w.length > 1 && w === w.toUpperCase() && /[A-Z]/.test(w);

function atomsOf(sentence: Sentence): Atom[] {
  const atoms: Atom[] = [];
  for (const token of sentence.tokens) {
    for (const part of token.parts) atoms.push({ normal: part.normal, span: part.span, token: token.index });
  }
  return atoms;
}

const HYPHEN = /[-\u2010\u2011]/;

/**
 * Expands optional words into every variant, then splits words at hyphens. Variants are built in place: a
 * lexicon of a few thousand names compiles on every run, so this avoids copying arrays per word.
 */
function expand(pattern: string): string[][] {
  let variants: string[][] = [[]];
  for (const raw of pattern.trim().split(/\s+/)) {
    const optional = raw.length > 1 && raw.endsWith('?');
    const word = optional ? raw.slice(0, -1) : raw;
    const pieces = word === '*' ? ['*'] : splitHyphens(word);
    if (optional) {
      const next: string[][] = [];
      for (const v of variants) next.push(v, v.concat(pieces));
      variants = next;
    } else {
      for (const v of variants) v.push(...pieces);
    }
  }
  return variants.filter((v) => v.length > 0);
}

/** `half-caste|half-breed` → alternatives per position; every alternative must split into the same count. */
function splitHyphens(word: string): string[] {
  if (!word.includes('|') && !HYPHEN.test(word)) return word ? [word] : [];
  const alternatives = word.split('|').map((alt) => alt.split(HYPHEN).filter(Boolean));
  const width = Math.max(...alternatives.map((a) => a.length));
  if (alternatives.some((a) => a.length !== width)) {
    throw new Error(`term pattern word "${word}": alternatives split into different numbers of words at hyphens`);
  }
  return Array.from({ length: width }, (_, i) => [...new Set(alternatives.map((a) => a[i]))].join('|'));
}

const ANY: WordTest = { any: true };

function compileWord(word: string): WordTest {
  if (word === '*') return ANY;
  const alts = word.split('|');
  const exactCase = alts.every(isCapitalised);
  return { any: false, exactCase, words: new Set(alts.map((a) => (exactCase ? a : a.toLowerCase().replace(/’/g, "'")))) };
}

export class TermMatcher {
  readonly terms: TermEntry[];
  private byFirstWord = new Map<string, CompiledPhrase[]>();
  /** One word position per phrase variant that the pre-scan looks for (see `triggerWords`). */
  private anchors: { term: TermEntry; words: string[] }[] = [];

  constructor(terms: TermEntry[], origin = 'terms') {
    assertTerms(terms, origin);
    this.terms = terms;
    // Phrases share most of their words ("mixed", "race", "heritage"): compile each distinct word once.
    const compiledWords = new Map<string, WordTest>();
    const compile = (word: string) => {
      let test = compiledWords.get(word);
      if (!test) compiledWords.set(word, (test = compileWord(word)));
      return test;
    };
    for (const term of terms) {
      for (const pattern of term.match) {
        for (const variant of expand(pattern)) {
          if (variant[0] === '*') throw new Error(`${origin}: term "${term.id}" pattern "${pattern}" may not start with *`);
          const words = variant.map(compile);
          this.anchors.push({ term, words: anchorOf(words) });
          const first = words[0] as { words: Set<string> };
          for (const w of first.words) {
            const key = w.toLowerCase();
            const list = this.byFirstWord.get(key);
            if (list) list.push({ term, words });
            else this.byFirstWord.set(key, [{ term, words }]);
          }
        }
      }
    }
  }

  /**
   * What a fast pre-scan must look for: one word of every phrase (every word of a phrase must be present for it
   * to match, so any one is enough), chosen to be the least common (see `anchorOf`).
   */
  triggerWords(which: (term: TermEntry) => boolean = () => true): string[] {
    return [...new Set(this.anchors.filter((a) => which(a.term)).flatMap((a) => a.words))];
  }

  /** All matches in a sentence, longest first at each position, without overlaps. */
  matchSentence(sentence: Sentence, source: string): TermHit[] {
    const atoms = atomsOf(sentence);
    const hits: TermHit[] = [];
    let i = 0;
    while (i < atoms.length) {
      const candidates = this.byFirstWord.get(atoms[i].normal);
      let best: { phrase: CompiledPhrase; length: number } | undefined;
      for (const phrase of candidates ?? []) {
        const length = matchAt(phrase.words, atoms, i, sentence.tokens, source);
        if (length > 0 && (!best || length > best.length)) best = { phrase, length };
      }
      if (!best) {
        i++;
        continue;
      }
      const firstAtom = atoms[i];
      const lastAtom = atoms[i + best.length - 1];
      const span = { start: firstAtom.span.start, end: lastAtom.span.end };
      hits.push({ term: best.phrase.term, sentence, span, text: source.slice(span.start, span.end), first: firstAtom.token, last: lastAtom.token });
      i += best.length;
    }
    return hits;
  }

  match(sentences: Iterable<Sentence>, source: string): TermHit[] {
    const hits: TermHit[] = [];
    for (const s of sentences) hits.push(...this.matchSentence(s, source));
    return hits;
  }
}

/**
 * The words of the phrase position a pre-scan should look for: not a wildcard, and preferably one whose
 * alternatives are all uncommon in records (COMMON_WORDS), then the one whose shortest alternative is longest
 * (long words are rarer), then the fewest alternatives.
 */
function anchorOf(words: WordTest[]): string[] {
  let best: { words: string[]; score: number[] } | undefined;
  for (const test of words) {
    if (test.any) continue;
    const alternatives = [...test.words].map((w) => w.toLowerCase());
    const score = [alternatives.some((w) => COMMON_WORDS.has(w)) ? 0 : 1, Math.min(...alternatives.map((w) => w.length)), -alternatives.length];
    if (!best || compareScores(score, best.score) > 0) best = { words: alternatives, score };
  }
  return best?.words ?? [];
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function matchAt(words: WordTest[], atoms: Atom[], at: number, tokens: Token[], source: string): number {
  if (at + words.length > atoms.length) return 0;
  for (let k = 0; k < words.length; k++) {
    const test = words[k];
    const atom = atoms[at + k];
    if (test.any) continue;
    const candidate = test.exactCase ? source.slice(atom.span.start, atom.span.end) : atom.normal;
    if (!test.words.has(candidate)) return 0;
    // Words of a phrase must be adjacent: a comma or full stop between them breaks the phrase.
    if (k > 0) {
      const gap = source.slice(atoms[at + k - 1].span.end, atom.span.start);
      if (!/^[\s\-\u2010\u2011]*$/.test(gap)) return 0;
    }
  }
  void tokens;
  return words.length;
}

function assertTerms(terms: TermEntry[], origin: string): void {
  const ids = new Set<string>();
  const phrases = new Map<string, string>();
  for (const term of terms) {
    if (!term.id || !Array.isArray(term.match) || term.match.length === 0) {
      throw new Error(`${origin}: every term needs an id and a non-empty match list (${JSON.stringify(term).slice(0, 80)})`);
    }
    if (ids.has(term.id)) throw new Error(`${origin}: duplicate term id "${term.id}"`);
    ids.add(term.id);
    for (const pattern of term.match) {
      const key = pattern.toLowerCase().replace(/[-\u2010\u2011]/g, ' ').replace(/\s+/g, ' ').trim();
      const other = phrases.get(key);
      if (other) throw new Error(`${origin}: phrase "${pattern}" appears in both "${other}" and "${term.id}"`);
      phrases.set(key, term.id);
    }
  }
}

/**
 * Loads `terms.yml` beside a rule module. Works from the TypeScript sources (tests) and from the compiled
 * `dist/rules/<id>/rule.js`, whose data stays in `rules/<id>/` (parsed once at build time: see yaml-data.ts).
 */
export function loadTermsBeside(moduleUrl: string, fileName = 'terms.yml'): TermEntry[] {
  const dir = dirname(fileURLToPath(moduleUrl)).replace(`${sep}dist${sep}rules${sep}`, `${sep}rules${sep}`);
  const file = join(dir, fileName);
  const data = readYamlData(file) as { terms?: TermEntry[] } | TermEntry[] | undefined;
  const terms = Array.isArray(data) ? data : data?.terms;
  if (!Array.isArray(terms)) throw new Error(`${file}: expected a list of terms under "terms:"`);
  return terms;
}

import { createRequire } from 'node:module';
import type { Document, Sentence } from '../document/types.js';
import { loadTaggerSnapshot } from './tagger-snapshot.js';

/**
 * Part-of-speech tags from compromise, loaded lazily: most sentences never need them, and loading the
 * tagger costs more than linting a short draft.
 */
type Compromise = (text: string) => {
  json(options: object): { terms: { text: string; tags: string[]; offset: { start: number; length: number } }[] }[];
};

let nlp: Compromise | undefined;
/** The build's snapshot of compromise/two when there is a current one (see tagger-snapshot.ts), else compromise/two. */
function loadCompromise(): Compromise {
  nlp ??= (loadTaggerSnapshot() as Compromise | undefined) ?? (createRequire(import.meta.url)('compromise/two') as Compromise);
  return nlp;
}

const cache = new WeakMap<Sentence, Set<string>[]>();

type TaggedTerm = { tags: string[]; start: number; length: number };
/**
 * compromise's terms by sentence text, most recently used last. Tagging is a pure function of the text and
 * costs far more than parsing (about half a millisecond a sentence); records repeat sentences (templates,
 * copied paragraphs), so an audit of many records tags each distinct sentence once. Bounded: a few MB.
 */
const byText = new Map<string, TaggedTerm[]>();
const TEXT_CACHE_SIZE = 1024;

function termsOf(text: string): TaggedTerm[] {
  const hit = byText.get(text);
  if (hit) {
    byText.delete(text);
    byText.set(text, hit);
    return hit;
  }
  const terms = loadCompromise()(text)
    .json({ offset: true, terms: { tags: true, offset: true } })
    .flatMap((s) => s.terms.map((t) => ({ tags: t.tags, start: t.offset.start, length: t.offset.length })));
  byText.set(text, terms);
  if (byText.size > TEXT_CACHE_SIZE) byText.delete(byText.keys().next().value!);
  return terms;
}

/** Tags for each token of the sentence (parallel to `sentence.tokens`), e.g. Adjective, Noun, Person. */
export function tagSentence(doc: Document, sentence: Sentence): Set<string>[] {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const text = doc.text.slice(sentence.span.start, sentence.span.end);
  const tags: Set<string>[] = sentence.tokens.map(() => new Set<string>());
  const terms = termsOf(text);
  let t = 0;
  for (const term of terms) {
    const start = sentence.span.start + term.start;
    const end = start + term.length;
    while (t < sentence.tokens.length && sentence.tokens[t].span.end <= start) t++;
    for (let k = t; k < sentence.tokens.length && sentence.tokens[k].span.start < end; k++) {
      for (const tag of term.tags) tags[k].add(tag);
    }
  }
  cache.set(sentence, tags);
  return tags;
}

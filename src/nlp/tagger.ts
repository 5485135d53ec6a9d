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

/** Tags for each token of the sentence (parallel to `sentence.tokens`), e.g. Adjective, Noun, Person. */
export function tagSentence(doc: Document, sentence: Sentence): Set<string>[] {
  const hit = cache.get(sentence);
  if (hit) return hit;
  const text = doc.text.slice(sentence.span.start, sentence.span.end);
  const tags: Set<string>[] = sentence.tokens.map(() => new Set<string>());
  const terms = loadCompromise()(text).json({ offset: true, terms: { tags: true, offset: true } }).flatMap((s) => s.terms);
  let t = 0;
  for (const term of terms) {
    const start = sentence.span.start + term.offset.start;
    const end = start + term.offset.length;
    while (t < sentence.tokens.length && sentence.tokens[t].span.end <= start) t++;
    for (let k = t; k < sentence.tokens.length && sentence.tokens[k].span.start < end; k++) {
      for (const tag of term.tags) tags[k].add(tag);
    }
  }
  cache.set(sentence, tags);
  return tags;
}

/**
 * A regular expression source matching any of `words`, shaped as a trie (`rac(?:e|ial)`) so the engine
 * tries each letter once rather than each word in turn. Apostrophes match straight and curly forms.
 */
export function trieSource(words: string[], charSource: (ch: string) => string = wordChar): string {
  interface Node {
    next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const alternatives = [...node.next.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ch, child]) => charSource(ch) + emit(child));
    if (alternatives.length === 0) return '';
    const body = alternatives.length === 1 && !node.end ? alternatives[0] : `(?:${alternatives.join('|')})`;
    return node.end ? `${body}?` : body;
  };
  return `(?:${emit(root)})`;
}

/** A character of a word, escaped; an apostrophe matches straight and curly forms. */
export function wordChar(ch: string): string {
  return ch === "'" ? "['\u2018\u2019\u02bc]" : escapeChar(ch);
}

export function escapeChar(ch: string): string {
  return ch.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** A character `\b` counts as part of a word (underscores are blanked before scanning: see prescan.ts). */
const isWordChar = (ch: string) => /[A-Za-z0-9_]/.test(ch);

const boundaryAt = (word: string, k: number) => isWordChar(word[k - 1]) !== isWordChar(word[k]);

/** Positions inside `word` (0 < k < length) where `\b` holds: between a word character and another character. */
function innerBoundaries(word: string): number[] {
  const out: number[] = [];
  for (let k = 1; k < word.length; k++) if (boundaryAt(word, k)) out.push(k);
  return out;
}

/**
 * The words (normalised, as given) that one left-to-right scan with `\b${trieSource(words)}\b` might not report
 * at every place they occur, because another match covers them. That needs a word with a `\b` inside it
 * ("b.m.e", "doesn't", "métis"): another word may start at that boundary and run on ("e.g" after "b.m.e"…),
 * or end there ("doesn" inside "doesn't"). Words of letters and digits alone never cover one another: at any
 * start the only `\b` to end at is the end of the run of letters. Empty for the built-in rules (a test says so);
 * the pre-scan relies on every occurrence being reported only when it is.
 */
export function hiddenWords(words: readonly string[]): string[] {
  const all = new Set(words);
  // Sorted, so the words starting with a given text are one run (found by binary search): a configuration
  // may declare thousands of words, and comparing every pair would be slow to start.
  const sorted = [...all].sort();
  const hidden = new Set<string>();
  for (const outer of all) {
    for (const k of innerBoundaries(outer)) {
      const head = outer.slice(0, k);
      if (all.has(head)) hidden.add(head).add(outer); // same start, either may be chosen
      const tail = outer.slice(k);
      // A word that starts at the boundary and runs on past `outer`: `outer` only matches where `\b` follows
      // it, so the longer word must have a boundary there too.
      for (let i = firstAtLeast(sorted, tail); i < sorted.length && sorted[i].startsWith(tail); i++) {
        const inner = sorted[i];
        if (inner !== outer && (inner.length === tail.length || boundaryAt(inner, tail.length))) hidden.add(inner).add(outer);
      }
      // A word that starts at the boundary and ends at a later boundary inside `outer`.
      for (const end of innerBoundaries(tail)) {
        const inner = tail.slice(0, end);
        if (all.has(inner)) hidden.add(inner).add(outer);
      }
    }
  }
  return [...hidden];
}

/** Index of the first of `sorted` that is not less than `text`. */
function firstAtLeast(sorted: string[], text: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
